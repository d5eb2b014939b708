// What an SDK-based az command prints for a REST answer: the SDK deserializes it into its model
// (every attribute, null where ARM left it out; `properties.x` flattened; keys the model lacks
// dropped), then knack's todict names each attribute in camelCase (disk_size_gb → diskSizeGb) in
// the order the object holds them, and prints datetimes as Python's isoformat.
import type { SdkModels } from './sdk-models.ts';
import { isPyDict } from '../../format/knack/python.ts';

/** azure-cli's to_camel_case of an attribute name. */
const camel = (attr: string) => attr.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** msrest's iso-8601 deserializer (fraction cut to microseconds) then Python's isoformat(). */
export function pyIsoformat(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  if (!m) return value;
  const micro = (m[3] ?? '').slice(0, 6).padEnd(6, '0');
  const zone = m[4].toUpperCase() === 'Z' ? '+00:00' : m[4];
  return `${m[1]}T${m[2]}${/^0+$/.test(micro) ? '' : `.${micro}`}${zone}`;
}

function readKey(value: unknown, key: string): unknown {
  let cur = value;
  for (const part of key.split('.')) cur = isPyDict(cur) ? cur[part] : undefined;
  return cur;
}

/** The value of msrest type `type` (a model name, `[T]`, `{T}` or a primitive) as az prints it. */
export function sdkValue(models: SdkModels, type: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type.startsWith('[')) return Array.isArray(value) ? value.map((v) => sdkValue(models, type.slice(1, -1), v)) : null;
  if (type.startsWith('{')) {
    if (!isPyDict(value)) return null;
    const inner = type.slice(1, -1);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sdkValue(models, inner, v)]));
  }
  if (type === 'iso-8601') return pyIsoformat(value);
  const model = models[type];
  if (!model) return value;
  if (!isPyDict(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [attr, key, t] of model) out[camel(attr)] = sdkValue(models, t, readKey(value, key));
  return out;
}

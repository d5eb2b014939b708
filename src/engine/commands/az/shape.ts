// How az turns ARM's JSON into its output: network commands (generated from the REST specs)
// lift every `properties` object into its parent and keep REST casing; every dict with a
// resource id gets `resourceGroup` (azure-cli core's transform: it reads the 5th id segment
// only when the 4th is exactly "resourceGroups" and the id has at least 9 segments).

import { isPyContainer } from '../../format/knack/python.ts';

function flatten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flatten);
  if (!isPyContainer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'properties' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of Object.entries(v)) out[pk] = flatten(pv);
    } else out[key] = flatten(v);
  }
  return out;
}

/** A deep copy that keeps PyFloats (structuredClone would turn them into plain objects). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isPyContainer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
}

export function addResourceGroup(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(addResourceGroup);
    return;
  }
  if (!isPyContainer(value)) return;
  const obj = value as Record<string, unknown>;
  if (!Object.keys(obj).some((k) => k.toLowerCase() === 'resourcegroup') && typeof obj.id === 'string' && obj.id) {
    const parts = obj.id.split('/');
    if (parts[3] === 'resourceGroups' && parts.length > 8) obj.resourceGroup = parts[4];
  }
  for (const [key, v] of Object.entries(obj)) if (key !== 'sourceVault') addResourceGroup(v);
}

export function shapeOutput(result: unknown, shape: 'aaz' | 'sdk' | 'plain'): unknown {
  const shaped = shape === 'plain' ? copy(result) : flatten(result);
  addResourceGroup(shaped);
  return shaped;
}

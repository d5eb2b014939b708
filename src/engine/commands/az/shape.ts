// How az turns ARM's JSON into its output: network commands (generated from the REST specs)
// lift every `properties` object into its parent and keep REST casing; every dict with a
// resource id gets `resourceGroup` (azure-cli core's transform: it reads the 5th id segment
// only when the 4th is exactly "resourceGroups" and the id has at least 9 segments).

import { isPyContainer } from '../../format/knack/python.ts';
import { MAX_DEPTH } from '../../format/knack/printer.ts';
import { CliError } from './types.ts';

/** ARM's JSON may nest as deep as its parser allows: past what az's printers print, the lab stops. */
function checkDepth(level: number): void {
  if (level > MAX_DEPTH) throw new CliError(`the lab prints values nested at most ${MAX_DEPTH} levels deep`);
}

function flatten(value: unknown, level = 0): unknown {
  checkDepth(level);
  if (Array.isArray(value)) return value.map((v) => flatten(v, level + 1));
  if (!isPyContainer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'properties' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of Object.entries(v)) out[pk] = flatten(pv, level + 2);
    } else out[key] = flatten(v, level + 1);
  }
  return out;
}

/** A deep copy that keeps PyFloats (structuredClone would turn them into plain objects). */
function copy(value: unknown, level = 0): unknown {
  checkDepth(level);
  if (Array.isArray(value)) return value.map((v) => copy(v, level + 1));
  if (!isPyContainer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v, level + 1)]));
}

export function addResourceGroup(value: unknown, level = 0): void {
  checkDepth(level);
  if (Array.isArray(value)) {
    value.forEach((v) => addResourceGroup(v, level + 1));
    return;
  }
  if (!isPyContainer(value)) return;
  const obj = value as Record<string, unknown>;
  if (!Object.keys(obj).some((k) => k.toLowerCase() === 'resourcegroup') && typeof obj.id === 'string' && obj.id) {
    const parts = obj.id.split('/');
    if (parts[3] === 'resourceGroups' && parts.length > 8) obj.resourceGroup = parts[4];
  }
  for (const [key, v] of Object.entries(obj)) if (key !== 'sourceVault') addResourceGroup(v, level + 1);
}

export function shapeOutput(result: unknown, shape: 'aaz' | 'sdk' | 'plain'): unknown {
  const shaped = shape === 'plain' ? copy(result) : flatten(result);
  addResourceGroup(shaped);
  return shaped;
}

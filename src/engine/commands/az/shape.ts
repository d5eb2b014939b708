// How az turns ARM's JSON into its output: network commands (generated from the REST specs)
// lift every `properties` object into its parent and keep REST casing; every dict with a
// resource id gets `resourceGroup` (azure-cli core's transform: it reads the 5th id segment
// only when the 4th is "resourceGroups" in any case, as azure-cli 2.74 compares it, and the id has
// at least 9 segments).
//
// The output is built as it is read, never copied whole: a dict's keys, in az's order, and its
// scalar values are set when the dict is first reached; each nested dict or list is shaped when it
// is first read, once. A query or a table reads a few fields of large resources (a load balancer
// holds all its rules, pools and frontends), so only those are built; the answer read from the
// world is never written to.

import { isPyContainer, isPyDict } from '../../format/knack/python.ts';
import { MAX_DEPTH } from '../../format/knack/printer.ts';
import { CliError } from './types.ts';

type Dict = Record<string, unknown>;

/** ARM's JSON may nest as deep as its parser allows: past what az's printers print, the lab stops
 * (when that part is read: a CliError then comes out of the query or the printer). */
function checkDepth(level: number): void {
  if (level > MAX_DEPTH) throw new CliError(`the lab prints values nested at most ${MAX_DEPTH} levels deep`);
}

interface Shaping {
  /** aaz and SDK commands lift `properties` into its parent; plain ones keep the JSON as it is. */
  lift: boolean;
  /** Whether dicts here get `resourceGroup` (az's transform does not go below `sourceVault`). */
  groups: boolean;
}

/** `target[key] = value` for any key: `__proto__` is a key like another, as it is for az, and a key
 * set before (a lifted property named like its parent's field) is replaced, lazy or not. */
function setOwn(target: Dict, key: string, value: unknown): void {
  if (key !== '__proto__' && !Object.hasOwn(target, key)) target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value waiting to be shaped, then the shaped value. */
class Deferred {
  readonly value: unknown;
  readonly level: number;
  readonly how: Shaping;
  done = false;
  shaped: unknown;
  constructor(value: unknown, level: number, how: Shaping) {
    this.value = value;
    this.level = level;
    this.how = how;
  }
}

/** Where a shaped dict keeps its deferred values (a symbol: no printer or query lists it). */
const DEFERRED = Symbol('deferred');
type Lazy = Dict & { [DEFERRED]?: Map<string, Deferred> };

// One getter per key name, shared by every dict: V8 then gives dicts of one shape one hidden class,
// where a getter of their own would make a new hidden class for each dict (garbage that fills the
// old generation and makes every collection slow). Names past the bound (a lab of random keys) get
// getters of their own.
const GETTERS = new Map<string, (this: Lazy) => unknown>();
const MAX_GETTERS = 10_000;

function getterFor(key: string): (this: Lazy) => unknown {
  let get = GETTERS.get(key);
  if (get) return get;
  get = function (this: Lazy) {
    const deferred = this[DEFERRED]!.get(key)!;
    if (!deferred.done) {
      deferred.shaped = shapeValue(deferred.value, deferred.level, deferred.how);
      deferred.done = true;
    }
    return deferred.shaped;
  };
  if (GETTERS.size < MAX_GETTERS) GETTERS.set(key, get);
  return get;
}

/** A key whose value is shaped when first read, and kept. */
function setLazy(target: Lazy, key: string, deferred: Deferred): void {
  let pending = target[DEFERRED];
  if (!pending) {
    pending = new Map<string, Deferred>();
    Object.defineProperty(target, DEFERRED, { value: pending });
  }
  pending.set(key, deferred);
  Object.defineProperty(target, key, { get: getterFor(key), enumerable: true, configurable: true });
}

function shapeValue(value: unknown, level: number, how: Shaping): unknown {
  checkDepth(level);
  if (Array.isArray(value)) return value.map((v) => shapeValue(v, level + 1, how));
  return isPyDict(value) ? shapeDict(value, level, how) : value;
}

function shapeDict(source: Dict, level: number, how: Shaping): Dict {
  const out: Lazy = {};
  let id: unknown;
  let hasGroup = false;
  const put = (key: string, value: unknown, at: number) => {
    checkDepth(at);
    if (key === 'id') id = value;
    if (key.toLowerCase() === 'resourcegroup') hasGroup = true;
    if (!isPyContainer(value)) return setOwn(out, key, value);
    const inner = how.groups && key === 'sourceVault' ? { lift: how.lift, groups: false } : how;
    setLazy(out, key, new Deferred(value, at, inner));
  };
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (how.lift && key === 'properties' && isPyDict(value)) {
      for (const inner of Object.keys(value)) put(inner, value[inner], level + 2);
    } else put(key, value, level + 1);
  }
  if (how.groups && !hasGroup && typeof id === 'string' && id) {
    const parts = id.split('/');
    if (parts[3]?.toLowerCase() === 'resourcegroups' && parts.length > 8) setOwn(out, 'resourceGroup', parts[4]);
  }
  return out;
}

/** az's output for what a command read: a view of it, shaped as each part is read. */
export function shapeOutput(result: unknown, shape: 'aaz' | 'sdk' | 'plain'): unknown {
  return shapeValue(result, 0, { lift: shape !== 'plain', groups: true });
}

/** Adds `resourceGroup` in place to every dict with a resource id (kept for callers that build their own output). */
export function addResourceGroup(value: unknown, level = 0): void {
  checkDepth(level);
  if (Array.isArray(value)) {
    value.forEach((v) => addResourceGroup(v, level + 1));
    return;
  }
  if (!isPyDict(value)) return;
  if (!Object.keys(value).some((k) => k.toLowerCase() === 'resourcegroup') && typeof value.id === 'string' && value.id) {
    const parts = value.id.split('/');
    if (parts[3]?.toLowerCase() === 'resourcegroups' && parts.length > 8) value.resourceGroup = parts[4];
  }
  for (const [key, v] of Object.entries(value)) if (key !== 'sourceVault') addResourceGroup(v, level + 1);
}

// Paths into values: reading, setting and deleting at a path (`getpath`, `setpath`, `delpaths`,
// assignment), copying each container on the way rather than recursing on the path's length.
import { COST, type Meter } from './budget.ts';
import { indexError, JqRuntimeError } from './errors.ts';
import { typeOf } from './values.ts';
import { cIndex, index, sliceBounds } from './operators.ts';
import { compare, copyObject, isObject, newObject, plain, type JqValue, type JqObject } from './values.ts';

/** A copy of `v` to change at `key`; null becomes a new array or object as the key asks. */
/** A slice's path component (`.[1:3]`): {start, end}. */
function isSlice(key: JqValue): key is { start: JqValue; end: JqValue } {
  return isObject(key) && Object.hasOwn(key, 'start') && Object.hasOwn(key, 'end');
}

export function copyFor(v: JqValue, key: JqValue, meter: Meter): JqValue[] | JqObject {
  const k = plain(key);
  if ((isSlice(k) || typeof k === 'number') && (v === null || Array.isArray(v))) {
    if (v === null) return [];
    if (typeof k === 'number') meter.charge(v.length * COST.item);
    return [...v];
  }
  if (typeof k === 'string' && (v === null || isObject(v))) return v === null ? newObject() : copyObject(v, meter);
  throw indexError(v, k);
}

/** A container can take only its own kind of key: numbers in arrays, strings in objects. */
export function checkKey(container: JqValue[] | JqObject, key: JqValue): void {
  key = plain(key);
  if (Array.isArray(container) && isSlice(key)) return;
  if (Array.isArray(container) ? typeof key !== 'number' : typeof key !== 'string') throw indexError(container, key);
}

/** jq 1.7.1 refuses to grow an array past a quarter of the int range. */
const MAX_ARRAY_INDEX = 2 ** 29 - 1;

/** Sets `container[key]` (a container this program made), padding arrays with null. */
export function put(container: JqValue[] | JqObject, key: JqValue, value: JqValue, meter: Meter): void {
  checkKey(container, key);
  const k = plain(key);
  if (Array.isArray(container) && isSlice(k)) {
    // Assigning to a slice puts the new array's items in its place.
    if (!Array.isArray(value)) throw new JqRuntimeError('A slice of an array can only be assigned another array');
    const [start, end] = sliceBounds(container.length, k.start, k.end);
    meter.charge((container.length + value.length) * COST.item);
    container.splice(start, end - start, ...value);
    return;
  }
  // checkKey let through only a string into an object and a number into an array.
  if (!Array.isArray(container)) {
    meter.charge(COST.entry);
    if (typeof k === 'string') container[k] = value;
    return;
  }
  if (typeof k !== 'number') throw indexError(container, k);
  let i = cIndex(k);
  if (i < 0) i += container.length;
  if (i < 0) throw new JqRuntimeError('Out of bounds negative array index');
  if (i > MAX_ARRAY_INDEX) throw new JqRuntimeError('Array index too large');
  if (i >= container.length) {
    meter.charge((i + 1 - container.length) * COST.item);
    const from = container.length;
    container.length = i + 1;
    container.fill(null, from);
  }
  container[i] = value;
}

export function getPath(v: JqValue, path: JqValue[], meter: Meter): JqValue {
  let x = v;
  // Through null every string, number or slice reads null; other keys are errors, as on null itself.
  for (const k of path) x = index(x, k, meter);
  return x;
}

export function setPath(root: JqValue, path: JqValue[], value: JqValue, meter: Meter): JqValue {
  if (path.length === 0) return value;
  const top = copyFor(root, path[0], meter);
  let parent = top;
  for (let i = 0; i < path.length - 1; i++) {
    const child = copyFor(index(parent, path[i], meter), path[i + 1], meter);
    put(parent, path[i], child, meter);
    parent = child;
  }
  put(parent, path[path.length - 1], value, meter);
  return top;
}

/** `root` without the value at `path` (nothing to delete under null or a missing key). */
function deletePath(root: JqValue, path: JqValue[], meter: Meter): JqValue {
  if (path.length === 0) return null;
  const containers: JqValue[] = [root];
  for (const key of path.slice(0, -1)) {
    const here = containers[containers.length - 1];
    if (here === null) return root;
    containers.push(index(here, key, meter));
  }
  const last = path[path.length - 1];
  let here = containers[containers.length - 1];
  if (here === null) return root;
  if (Array.isArray(here) ? !(typeof plain(last) === 'number' || isSlice(last)) : isObject(here) && typeof last !== 'string') {
    throw new JqRuntimeError(`Cannot delete ${typeOf(plain(last))} element of ${typeOf(here)}`);
  }
  let copy = copyFor(here, last, meter);
  if (Array.isArray(copy) && isSlice(last)) {
    const [start, end] = sliceBounds(copy.length, last.start, last.end);
    copy.splice(start, end - start);
  } else if (Array.isArray(copy)) {
    const k = plain(last);
    if (typeof k !== 'number') throw indexError(copy, k);
    const i = cIndex(k);
    const at = i < 0 ? copy.length + i : i;
    if (at >= 0 && at < copy.length) copy.splice(at, 1);
  } else if (typeof last === 'string') delete copy[last];
  for (let d = path.length - 2; d >= 0; d--) {
    here = containers[d];
    const parent = copyFor(here, path[d], meter);
    put(parent, path[d], copy, meter);
    copy = parent;
  }
  return copy;
}

/** `delpaths`: the longest paths first, so deleting never moves an index still to delete. */
export function deletePaths(root: JqValue, paths: JqValue[][], meter: Meter): JqValue {
  const sorted = [...paths].sort((a, b) => compare(b, a, meter));
  let out = root;
  for (const p of sorted) out = deletePath(out, p, meter);
  return out;
}

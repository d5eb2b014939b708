// Values as text: `tojson`/`tostring` and the @formats (@csv, @base64d…), as jq 1.7.1 words them,
// each charging the characters it reads and writes.
import { COST, workExceeded, type Meter } from './budget.ts';
import { describe, JqRuntimeError } from './errors.ts';
import { COMPACT, TooLong, writeCompact, writeJson } from './output.ts';
import { isObject, NumberLiteral, type JqValue } from './values.ts';

/** `v` as compact JSON (jq's `tojson`), stopping at the work the program has left. */
export function toJsonText(v: JqValue, meter: Meter): string {
  let written: { text: string; work: number };
  try {
    written = writeCompact(v, meter.workLeft);
  } catch (e) {
    if (e instanceof TooLong) throw workExceeded();
    throw e;
  }
  meter.charge(written.work);
  return written.text;
}

/** `tostring`: strings as they are, anything else as JSON. */
export function toText(v: JqValue, meter: Meter): string {
  return typeof v === 'string' ? v : toJsonText(v, meter);
}

const CHUNK = 0x8000;

/** Bytes as a binary string (one char per byte), for btoa. */
function binary(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return parts.join('');
}

function base64(text: string, meter: Meter): string {
  if (/^[\x00-\x7f]*$/.test(text)) {
    meter.charge(Math.ceil(text.length / 3) * 4 * COST.char);
    return btoa(text);
  }
  const bytes = new TextEncoder().encode(text);
  meter.charge(Math.ceil(bytes.length / 3) * 4 * COST.char);
  return btoa(binary(bytes));
}

/** jq's @base64d: reads up to the first `=`, refuses other characters outside the alphabet,
 * and turns the bytes into text with replacement characters where they are not UTF-8. */
function base64Decode(input: string): string {
  const end = input.indexOf('=');
  const data = end < 0 ? input : input.slice(0, end);
  if (!/^[A-Za-z0-9+/]*$/.test(data)) throw new JqRuntimeError(`${describe(input)} is not valid base64 data`);
  if (data.length % 4 === 1) throw new JqRuntimeError(`${describe(input)} trailing base64 byte found`);
  const decoded = atob(data);
  const bytes = new Uint8Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) bytes[i] = decoded.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** @uri keeps jq 1.7.1's unreserved characters (A-Z a-z 0-9 - _ . ~) and escapes the rest of
 * what encodeURIComponent keeps. */
function uri(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd')).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function row(name: 'csv' | 'tsv', v: JqValue, meter: Meter): string {
  if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} cannot be ${name}-formatted, only array`);
  return v
    .map((x) => {
      if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      if (x === null) return '';
      if (typeof x === 'object' && !(x instanceof NumberLiteral)) throw new JqRuntimeError(`${describe(x)} is not valid in a csv row`);
      return toText(x, meter);
    })
    .join(name === 'csv' ? ',' : '\t');
}

function shell(v: JqValue, meter: Meter): string {
  return (Array.isArray(v) ? v : [v])
    .map((x) => {
      if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
      if (x !== null && typeof x === 'object' && !(x instanceof NumberLiteral)) throw new JqRuntimeError(`${describe(x)} can not be escaped for shell`);
      return toText(x, meter);
    })
    .join(' ');
}

/** `@name` applied to `v`. */
export function formatValue(name: string, v: JqValue, meter: Meter): string {
  if (name === 'text' && (v === null || typeof v !== 'object' || v instanceof NumberLiteral)) {
    // Scalars as text: what string interpolation does most.
    const text = typeof v === 'string' ? v : writeJson(v, COMPACT);
    meter.charge(text.length * COST.char);
    return text;
  }
  const size = typeof v === 'string' ? v.length : Array.isArray(v) ? v.length * COST.item : isObject(v) ? 0 : 1;
  meter.charge(size);
  let out: string;
  switch (name) {
    case 'text':
      out = toText(v, meter);
      break;
    case 'json':
      out = toJsonText(v, meter);
      break;
    case 'csv':
    case 'tsv':
      out = row(name, v, meter);
      break;
    case 'html':
      out = toText(v, meter).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
      break;
    case 'uri':
      out = uri(toText(v, meter));
      break;
    case 'sh':
      out = shell(v, meter);
      break;
    case 'base64':
      out = base64(toText(v, meter), meter);
      break;
    case 'base64d':
      out = base64Decode(toText(v, meter));
      break;
    default:
      throw new JqRuntimeError(`${name} is not a valid format`);
  }
  meter.charge(out.length * COST.char);
  return out;
}

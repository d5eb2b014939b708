// jq's runtime errors and how it names a value inside their messages.
import { writePrefix } from './output.ts';
import { plain, typeOf, type JqValue } from './values.ts';

/** An error a jq program raised (`error(v)`, a type error…); `try` catches it. Programs raise
 * and catch these by the million (`.a?` on numbers), so they skip the engine's stack trace. */
export class JqRuntimeError extends Error {
  readonly value: JqValue;
  constructor(value: JqValue) {
    const traces = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(typeof value === 'string' ? value : describe(value));
    Error.stackTraceLimit = traces;
    this.value = value;
  }
}

// jq cuts the value's JSON text to a 15-byte buffer: longer texts keep 11 bytes and "...".
const SHOWN_BYTES = 14;
const KEPT_BYTES = 11;

/** How jq names a value in error messages: `number (1)`, `string ("abc")`, `object ({"a":1})`. */
export function describe(v: JqValue): string {
  const { text } = writePrefix(v, SHOWN_BYTES + 1);
  let shown = text;
  if (/^[\x00-\x7f]*$/.test(text)) {
    if (text.length > SHOWN_BYTES) shown = `${text.slice(0, KEPT_BYTES)}...`;
  } else {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > SHOWN_BYTES) shown = `${new TextDecoder().decode(bytes.slice(0, KEPT_BYTES))}...`;
  }
  return `${typeOf(v)} (${shown})`;
}

/** `halt` and `halt_error`: the program ends with this status, after writing `message` to
 * standard error. */
export class JqHalt {
  readonly status: number;
  readonly message: string;
  constructor(status: number, message: string) {
    this.status = status;
    this.message = message;
  }
}

/** A number argument's double: jq's math functions and counts take numbers only. */
export function requireNumber(v: JqValue): number {
  const n = plain(v);
  if (typeof n !== 'number') throw new JqRuntimeError(`${describe(v)} number required`);
  return n;
}

export function indexError(target: JqValue, key: JqValue): JqRuntimeError {
  const k = typeof key === 'string' ? `string "${key}"` : typeOf(key);
  return new JqRuntimeError(`Cannot index ${typeOf(target)} with ${k}`);
}

// JSON the way kubectl writes it. `kubectl get` works on unstructured objects (Go maps), and Go's
// encoding/json writes map keys in sorted order, so every object prints with sorted keys whatever
// order the API server sent (verified with kubectl 1.32: `kubectl label --local -f x.json -o json`).
// Only commands that print typed Go structs (not `get`) keep the struct's field order.
// -o json is json.MarshalIndent with a 4-space indent plus a final newline. Go escapes the HTML
// characters <, > and & as \u003c, \u003e, \u0026, and U+2028/U+2029, which JSON.stringify does not.

import type { Json } from '../../world/types.ts';
import { isJsonObject } from '../../world/json.ts';

/** Go's byte-wise ordering of map keys (UTF-8 order; the same as UTF-16 order outside surrogates). */
export function goKeyOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
    }
    if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** A float64 as encoding/json prints it ('f' format between 1e-6 and 1e21, else 'e' with short exponent). */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  // JavaScript's shortest round-trip digits and thresholds match Go's here.
  return String(n);
}

function encode(value: unknown, indent: string, level: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const pad = indent ? '\n' + indent.repeat(level + 1) : '';
  const close = indent ? '\n' + indent.repeat(level) : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((v) => pad + encode(v, indent, level + 1)).join(',') + close + ']';
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort(goKeyOrder);
    if (keys.length === 0) return '{}';
    return (
      '{' +
      keys.map((k) => pad + goQuote(k) + colon + encode(value[k], indent, level + 1)).join(',') +
      close +
      '}'
    );
  }
  return 'null';
}

/** json.Marshal of an unstructured value: compact, sorted keys. */
export function goJsonCompact(value: Json | unknown): string {
  return encode(value, '', 0);
}

/** kubectl -o json: json.MarshalIndent(obj, "", "    ") and a newline. */
export function kubectlJson(value: Json | unknown): string {
  return encode(value, '    ', 0) + '\n';
}

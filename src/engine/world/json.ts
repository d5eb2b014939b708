// The JSON vocabulary every layer shares: the value type of what ARM, the API server and the
// tools exchange, and guards that narrow an unknown value to it step by step. Code that reads a
// JSON value it did not build narrows it with these instead of asserting a type.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isJsonArray(value: unknown): value is Json[] {
  return Array.isArray(value);
}

/** A nested field, undefined when a step is missing. A number steps into an array or names an
 * object's key; a name steps into an object only. */
export function field(value: unknown, ...path: Array<string | number>): Json | undefined {
  let cur: unknown = value;
  for (const step of path) {
    if (isJsonArray(cur)) cur = typeof step === 'number' ? cur[step] : undefined;
    else if (isJsonObject(cur)) cur = cur[String(step)];
    else return undefined;
  }
  return toJson(cur);
}

/** The value itself when it is JSON-shaped at its top (objects and arrays are taken as they are). */
export function toJson(value: unknown): Json | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (isJsonArray(value) || isJsonObject(value)) return value;
  return undefined;
}

/** The string, or '' when the value is not one. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The string, or undefined when the value is not one. */
export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The array, or [] when the value is not one. */
export function arr(value: unknown): Json[] {
  return isJsonArray(value) ? value : [];
}

/** The object, or {} when the value is not one. */
export function obj(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** The number, or 0 when the value is not one. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** JSON.parse typed as what it returns: a JSON value (throws SyntaxError as JSON.parse does). */
export function parseJson(text: string): Json {
  const value: Json = JSON.parse(text);
  return value;
}

/** The message of whatever a catch clause caught. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

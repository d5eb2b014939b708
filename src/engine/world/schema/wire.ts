// Building blocks of the wire-shape schemas: objects as ARM and the API server send them. A wire
// object names the fields the engine reads, with their types, and keeps every other key as the JSON
// it is, so every type derived here is a JSON object and prints as it came.
import { z } from 'zod';
import { isJsonObject, toJson, type Json, type JsonObject } from '../json.ts';

/** Any JSON value, checked at its top only (the schema that reads deeper checks deeper). */
export const json = z.custom<Json>((value) => toJson(value) !== undefined);

/** Any JSON object, checked at its top only. */
export const jsonObject = z.custom<JsonObject>(isJsonObject);

/** An object with the named fields typed and every other key kept as JSON. */
export function wire<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).catchall(json);
}

/** A map of strings (labels, annotations, tags, selectors). */
export const stringMap = z.record(z.string(), z.string());

/** A guard from a schema: whether a value has the schema's shape. The value itself is kept (zod's
 * parse builds a copy with its keys reordered, which must never be printed). */
export function guard<T>(schema: z.ZodType<T>): (value: unknown) => value is T {
  return (value: unknown): value is T => schema.safeParse(value).success;
}

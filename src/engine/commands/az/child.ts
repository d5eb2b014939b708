// Child resources az reads out of their parent's answer (a load balancer's rules, a NIC's IP
// configurations) rather than from a REST path of their own.
import { arr, field, optStr, type Json } from '../../world/json.ts';

/** The parent's items of a collection (`properties.<collection>`), [] when it has none. */
export function childItems(parent: Json, collection: string): Json[] {
  return arr(field(parent, 'properties', collection));
}

/** The item named, compared case aside as az compares names; a missing one is az's bare ResourceNotFoundError. */
export function namedChild(items: Json[], name: string): Json | undefined {
  const wanted = name.toLowerCase();
  return items.find((item) => optStr(field(item, 'name'))?.toLowerCase() === wanted);
}

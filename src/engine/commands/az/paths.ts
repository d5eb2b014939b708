// ARM REST paths az reads, built from the subscription of the lab's account.
import type { AzContext } from './types.ts';

export function groupPath(az: AzContext, group: string): string {
  return `/subscriptions/${az.subscription}/resourceGroups/${group}`;
}

/** A provider collection in a group, or subscription-wide when no group is given. */
export function collectionPath(az: AzContext, group: string | undefined, provider: string, type: string): string {
  const scope = group ? groupPath(az, group) : `/subscriptions/${az.subscription}`;
  return `${scope}/providers/${provider}/${type}`;
}

export function resourcePath(az: AzContext, group: string, provider: string, type: string, name: string): string {
  return `${collectionPath(az, group, provider, type)}/${name}`;
}

// ARM REST paths az reads, built from the subscription of the lab's account. Each name goes into
// its path segment quoted as az quotes it (aaz's serialize_url_param and the SDKs' Serializer.url
// both call urllib's quote(value, safe='')), so a `/`, `#` or `?` typed in a name stays inside
// that name; `.` is never quoted, so a name `..` is still a dot segment, and live mode refuses
// such a path before it is sent (src/node/live/bridge-paths.ts).
import type { AzContext } from './types.ts';

/** A lone surrogate, which UTF-8 cannot encode (Python's quote raises; the lab writes U+FFFD). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** urllib.parse.quote(value, safe=''): everything but letters, digits and `_.-~` percent-encoded as UTF-8. */
export function quote(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function subscriptionPath(az: AzContext): string {
  return `/subscriptions/${quote(az.subscription)}`;
}

export function groupPath(az: AzContext, group: string): string {
  return `${subscriptionPath(az)}/resourceGroups/${quote(group)}`;
}

/** A provider collection in a group, or subscription-wide when no group is given. */
export function collectionPath(az: AzContext, group: string | undefined, provider: string, type: string): string {
  const scope = group ? groupPath(az, group) : subscriptionPath(az);
  return `${scope}/providers/${provider}/${type}`;
}

export function resourcePath(az: AzContext, group: string, provider: string, type: string, name: string): string {
  return `${collectionPath(az, group, provider, type)}/${quote(name)}`;
}

/** A child of a resource (`…/networkSecurityGroups/NSG/securityRules/NAME`), or its collection without a name. */
export function childPath(az: AzContext, group: string, provider: string, type: string, name: string, children: string, child?: string): string {
  return `${resourcePath(az, group, provider, type, name)}/${children}${child === undefined ? '' : `/${quote(child)}`}`;
}

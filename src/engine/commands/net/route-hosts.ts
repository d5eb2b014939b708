// Hosts of the cluster's routes, for completing curl URLs and nslookup names.
import type { SessionState } from '../types.ts';

export async function routeHosts(session: SessionState): Promise<string[]> {
  const response = await session.world.kube('/apis/route.openshift.io/v1/routes');
  const items = (response.body as { items?: Array<{ spec?: { host?: string } }> } | null)?.items ?? [];
  return items.map((r) => r.spec?.host ?? '').filter(Boolean);
}

// Hosts of the cluster's routes, for completing curl URLs and nslookup names.
import { arr, field, str } from '../../world/json.ts';
import type { SessionState } from '../types.ts';

export async function routeHosts(session: SessionState): Promise<string[]> {
  const response = await session.world.kube('/apis/route.openshift.io/v1/routes');
  return arr(field(response.body, 'items'))
    .map((r) => str(field(r, 'spec', 'host')))
    .filter(Boolean);
}

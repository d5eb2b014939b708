// Facts about the cluster that `oc` prints but that are not the objects being listed: the API
// server URL the session is logged in to, the console URL, the user.
import type { World } from '../../world/types.ts';
import { arr, field, isJsonObject, type JsonObject } from '../../world/json.ts';

/** The lab's session logs in as the cluster's kubeadmin user. */
export const CURRENT_USER = 'kube:admin';

/** Who the session is, as `oc whoami` asks the API server (users/~); a lab answers kube:admin. */
export async function currentUser(world: World): Promise<string> {
  const me = await world.kube('/apis/user.openshift.io/v1/users/~');
  const name = me.status === 200 ? field(me.body, 'metadata', 'name') : undefined;
  return typeof name === 'string' && name ? name : CURRENT_USER;
}

/** `oc login` normalizes the server URL: no trailing slash, explicit port. */
function normalizeServer(url: string): string {
  return url.replace(/\/+$/, '');
}

async function aroCluster(world: World): Promise<JsonObject | undefined> {
  const env = world.info.session.env;
  const subscription = typeof world.info.account.id === 'string' ? world.info.account.id : '';
  const group = env.rg ?? env.RG;
  const name = env.cluster_name ?? env.CLUSTER_NAME ?? env.cluster;
  if (!subscription || !group || !name) return undefined;
  const response = await world.arm(
    `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${name}`,
  );
  return response.status === 200 && isJsonObject(response.body) ? response.body : undefined;
}

/**
 * The API server URL: the cluster's Infrastructure object knows it (what `oc whoami
 * --show-server` reads after `oc login`); otherwise the ARO resource's apiserverProfile.url;
 * otherwise "api." in front of the domain the routes live under.
 */
export async function apiServerUrl(world: World): Promise<string> {
  const infra = await world.kube('/apis/config.openshift.io/v1/infrastructures/cluster');
  const fromInfra = field(infra.body, 'status', 'apiServerURL');
  if (infra.status === 200 && typeof fromInfra === 'string' && fromInfra) return normalizeServer(fromInfra);

  const aro = await aroCluster(world);
  const fromArm = field(aro, 'properties', 'apiserverProfile', 'url');
  if (typeof fromArm === 'string' && fromArm) return normalizeServer(fromArm);

  const domain = await appsDomain(world);
  return domain ? `https://api.${domain.replace(/^apps\./, '')}:6443` : 'https://api.cluster.local:6443';
}

/** The default ingress domain (apps.<cluster domain>), from the routes the world has. */
async function appsDomain(world: World): Promise<string | undefined> {
  const routes = await world.kube('/apis/route.openshift.io/v1/routes');
  for (const r of arr(field(routes.body, 'items'))) {
    const host = field(r, 'spec', 'host');
    if (typeof host === 'string') {
      const i = host.indexOf('.apps.');
      if (i >= 0) return host.slice(i + 1);
    }
  }
  return undefined;
}

/** The web console URL (`oc whoami --show-console`). */
export async function consoleUrl(world: World): Promise<string> {
  const cm = await world.kube('/api/v1/namespaces/openshift-config-managed/configmaps/console-public');
  const fromCm = field(cm.body, 'data', 'consoleURL');
  if (cm.status === 200 && typeof fromCm === 'string' && fromCm) return fromCm;
  const aro = await aroCluster(world);
  const fromArm = field(aro, 'properties', 'consoleProfile', 'url');
  if (typeof fromArm === 'string' && fromArm) return normalizeServer(fromArm);
  const domain = await appsDomain(world);
  return `https://console-openshift-console.${domain ?? 'apps.cluster.local'}`;
}

/** oc's generated context name: namespace/host-with-dashes:port/user. */
export function contextNickname(namespace: string, server: string, user: string): string {
  const host = server.replace(/^https?:\/\//, '').replace(/\./g, '-');
  return `${namespace}/${host}/${user}`;
}

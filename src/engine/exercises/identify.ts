// "Which part is wrong and why": when an address is not the answer, say what it is in this world.
// Found through the same commands a reader would run, so it works on fixture and live worlds.
import { arr, field, isJsonArray, parseJson, type Json } from '../world/json.ts';
import type { World } from '../world/types.ts';
import { runLines } from './run.ts';

/** The items a listing command prints: its array, or a Kubernetes list's items. */
async function listJson(world: World, line: string): Promise<Json[]> {
  try {
    const value = parseJson((await runLines(world, [line])).stdout);
    return isJsonArray(value) ? value : arr(field(value, 'items'));
  } catch {
    return [];
  }
}

/** Whether `list` holds an item whose `key` is `ip`. */
const holds = (list: Json | undefined, key: string, ip: string): boolean => arr(list).some((item) => field(item, key) === ip);

/** A phrase naming what `ip` is in this world ("the public IP aro2-p8bjm-pip-v4"), or undefined. */
export async function identifyAddress(world: World, ip: string): Promise<string | undefined> {
  const yours = world.info.client?.publicIp === ip;
  const [pips, lbs, nics, pods, services, nodes] = await Promise.all([
    listJson(world, 'az network public-ip list -o json'),
    listJson(world, 'az network lb list -o json'),
    listJson(world, 'az network nic list -o json'),
    listJson(world, 'kubectl get pods -A -o json'),
    listJson(world, 'kubectl get svc -A -o json'),
    listJson(world, 'kubectl get nodes -o json'),
  ]);
  const pip = pips.find((p) => field(p, 'ipAddress') === ip);
  // A public IP a firewall owns is the firewall's address, also when the reader's machine leaves
  // through that firewall (a jump host in a peered network): say both.
  const firewall = /\/azureFirewalls\/([^/]+)/i.exec(String(field(pip, 'ipConfiguration', 'id') ?? ''))?.[1];
  if (pip && firewall) {
    const what = `the address of the public IP ${String(field(pip, 'name'))} of the firewall ${firewall}`;
    return yours ? `${what}, through which your machine reaches the Internet (what the Internet sees of it)` : what;
  }
  if (yours) return 'your own public address (what the Internet sees of your machine)';
  if (pip) return `the address of the public IP ${String(field(pip, 'name'))}`;
  for (const lb of lbs) {
    const frontend = arr(field(lb, 'frontendIPConfigurations')).find((f) => field(f, 'privateIPAddress') === ip);
    if (frontend) return `the frontend ${String(field(frontend, 'name'))} of the internal load balancer ${String(field(lb, 'name'))}`;
  }
  const nic = nics.find((n) => holds(field(n, 'ipConfigurations'), 'privateIPAddress', ip));
  if (nic) return `the private address of the network interface ${String(field(nic, 'name'))}`;
  const pod = pods.find((p) => field(p, 'status', 'podIP') === ip && field(p, 'spec', 'hostNetwork') !== true);
  if (pod) return `the address of the pod ${String(field(pod, 'metadata', 'name'))}`;
  const service = services.find((s) => field(s, 'spec', 'clusterIP') === ip);
  if (service) return `the ClusterIP of the service ${String(field(service, 'metadata', 'name'))}`;
  const external = services.find((s) => holds(field(s, 'status', 'loadBalancer', 'ingress'), 'ip', ip));
  if (external) return `the external IP of the service ${String(field(external, 'metadata', 'name'))}`;
  const node = nodes.find((n) => holds(field(n, 'status', 'addresses'), 'address', ip));
  if (node) return `the address of the node ${String(field(node, 'metadata', 'name'))}`;
  return undefined;
}

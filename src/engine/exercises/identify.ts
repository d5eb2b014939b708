// "Which part is wrong and why": when an address is not the answer, say what it is in this world.
// Found through the same commands a reader would run, so it works on fixture and live worlds.
import type { World } from '../world/types.ts';
import { runLines } from './run.ts';

type Obj = Record<string, unknown>;

async function listJson(world: World, line: string): Promise<Obj[]> {
  try {
    const value = JSON.parse((await runLines(world, [line])).stdout) as Obj[] | { items?: Obj[] };
    return Array.isArray(value) ? value : (value.items ?? []);
  } catch {
    return [];
  }
}

const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v as Obj | undefined)?.[key], o);

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
  const pip = pips.find((p) => p.ipAddress === ip);
  // A public IP a firewall owns is the firewall's address, also when the reader's machine leaves
  // through that firewall (a jump host in a peered network): say both.
  const firewall = /\/azureFirewalls\/([^/]+)/i.exec(String(get(pip, 'ipConfiguration.id') ?? ''))?.[1];
  if (pip && firewall) {
    const what = `the address of the public IP ${String(pip.name)} of the firewall ${firewall}`;
    return yours ? `${what}, through which your machine reaches the Internet (what the Internet sees of it)` : what;
  }
  if (yours) return 'your own public address (what the Internet sees of your machine)';
  if (pip) return `the address of the public IP ${String(pip.name)}`;
  for (const lb of lbs) {
    const frontend = (lb.frontendIPConfigurations as Obj[] | undefined)?.find((f) => f.privateIPAddress === ip);
    if (frontend) return `the frontend ${String(frontend.name)} of the internal load balancer ${String(lb.name)}`;
  }
  const nic = nics.find((n) => (n.ipConfigurations as Obj[] | undefined)?.some((c) => c.privateIPAddress === ip));
  if (nic) return `the private address of the network interface ${String(nic.name)}`;
  const pod = pods.find((p) => get(p, 'status.podIP') === ip && get(p, 'spec.hostNetwork') !== true);
  if (pod) return `the address of the pod ${String(get(pod, 'metadata.name'))}`;
  const service = services.find((s) => get(s, 'spec.clusterIP') === ip);
  if (service) return `the ClusterIP of the service ${String(get(service, 'metadata.name'))}`;
  const external = services.find((s) => (get(s, 'status.loadBalancer.ingress') as Obj[] | undefined)?.some((i) => i.ip === ip));
  if (external) return `the external IP of the service ${String(get(external, 'metadata.name'))}`;
  const node = nodes.find((n) => (get(n, 'status.addresses') as Obj[] | undefined)?.some((a) => a.address === ip));
  if (node) return `the address of the node ${String(get(node, 'metadata.name'))}`;
  return undefined;
}

// The live source of the world: the reader's subscription through ARM, their cluster through the
// kubeconfig, their network held to the cluster's own hosts. Commands see the same World
// interface as with a fixture, so every command prints through the same code.
import type { KubeConfig } from '@kubernetes/client-node';
import type { TokenCredential } from '@azure/core-auth';
import { field, quote, VERIFIED_TOOLS, type Json, type LabInfo, type RestResponse, type World } from '../../engine/index.ts';
import { liveConfig, type LiveConfig } from './config.ts';
import { createArmSource } from './arm.ts';
import { createKubeSource } from './kube.ts';
import { createLiveNetwork, type ClusterHosts } from './network.ts';
import { cached } from './cache.ts';
import { Redactor } from './redact.ts';
import { unreadPath, type LiveReads } from './read-check.ts';

export interface LiveOptions {
  /** The ARO cluster's name and resource group (`$cluster_name`, `$rg` in the chapters). */
  cluster: string;
  group: string;
  config?: LiveConfig;
  kubeConfig?: KubeConfig;
  /** Instead of ARO_LABS_ARM_TOKEN or DefaultAzureCredential (tests). */
  credential?: TokenCredential;
  /** How long a read is reused; default 60 s. */
  ttlMs?: number;
  /** Which paths it reads: the terminal's (default, as the bridge allows them) or a snapshot's. */
  reads?: LiveReads;
}

export interface LiveWorld extends World {
  refresh(): Promise<number>;
  /** Network round trips so far, per API. */
  calls(): { arm: number; kube: number };
}

// The tool versions live mode's output follows: the ones the engine is checked against, as in the
// built-in labs.
const TOOLS = Object.fromEntries(VERIFIED_TOOLS.map((t) => [t.tool, t.versions.join('/')]));


export async function createLiveWorld(options: LiveOptions): Promise<LiveWorld> {
  const config = options.config ?? liveConfig();
  const kubeSource = await createKubeSource(config, options.kubeConfig);
  const redactor = new Redactor([...kubeSource.secrets, ...(config.armToken ? [config.armToken] : [])]);
  const armSource = await createArmSource(config, options.credential);
  const ttl = options.ttlMs ?? 60_000;
  // Answers are redacted before they are kept: a Kubernetes answer by what its path and body
  // say it is, an ARM answer by its body. A kept answer was redacted with the secrets known
  // then; one learnt since (a Secret read after a ConfigMap that repeats its value) is applied
  // before the answer is given again.
  const latest = new WeakMap<RestResponse, { generation: number; response: RestResponse }>();
  const redacted = (get: (path: string) => Promise<RestResponse>, redact: (path: string, body: Json) => Json) => {
    const kept = cached(async (path) => {
      const response = await get(path);
      if (response.failure) return response;
      const clean = { ...response, body: redact(path, response.body) };
      latest.set(clean, { generation: redactor.generation, response: clean });
      return clean;
    }, ttl);
    const read = async (path: string): Promise<RestResponse> => {
      const response = await kept.get(path);
      const seen = latest.get(response);
      if (!seen) return response;
      if (seen.generation !== redactor.generation) {
        seen.response = { ...seen.response, body: redact(path, seen.response.body) };
        seen.generation = redactor.generation;
      }
      return seen.response;
    };
    return { read, kept };
  };
  // Every read passes the bridge's check before it is sent (or kept): a path a typed name built
  // that is not a plain read of what the commands read answers with a failure instead.
  const reads = options.reads ?? 'terminal';
  const armEndpoint = config.armEndpoint.origin;
  const armGet = async (path: string) => unreadPath('ARM', path, armEndpoint, reads) ?? armSource.get(path);
  const kubeGet = async (path: string) => unreadPath('Kubernetes', path, kubeSource.server, reads) ?? kubeSource.get(path);
  const { read: armRead, kept: arm } = redacted(armGet, (_path, body) => redactor.json(body));
  const { read: kubeRead, kept: kube } = redacted(kubeGet, (path, body) => redactor.kube(path, body));

  const clusterId = `/subscriptions/${quote(config.subscription)}/resourceGroups/${quote(options.group)}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${quote(options.cluster)}`;
  const hosts: ClusterHosts = {
    async hosts() {
      // Both reads at once: a cold cache costs one round trip, not two.
      const [routes, aro] = await Promise.all([kubeRead('/apis/route.openshift.io/v1/routes'), armRead(clusterId)]);
      const names = new Set<string>();
      const items = field(routes.body, 'items');
      if (Array.isArray(items)) for (const route of items) {
        const host = field(route, 'spec', 'host');
        if (typeof host === 'string') names.add(host.toLowerCase());
      }
      for (const url of [field(aro.body, 'properties', 'apiserverProfile', 'url'), field(aro.body, 'properties', 'consoleProfile', 'url')]) {
        if (typeof url === 'string' && url) names.add(new URL(url).hostname.toLowerCase());
      }
      return names;
    },
    async networkPrefixes() {
      const aro = await armRead(clusterId);
      const subnet = field(aro.body, 'properties', 'masterProfile', 'subnetId');
      if (typeof subnet !== 'string') return [];
      const vnet = await armRead(subnet.replace(/\/subnets\/[^/]+$/i, ''));
      const prefixes = field(vnet.body, 'properties', 'addressSpace', 'addressPrefixes');
      return Array.isArray(prefixes) ? prefixes.filter((p): p is string => typeof p === 'string') : [];
    },
  };
  const network = createLiveNetwork(config, hosts, redactor);

  const info: LabInfo = {
    name: 'live',
    title: `Your cluster ${options.cluster}`,
    summary: `Live: resource group ${options.group}, API server ${kubeSource.server}.`,
    layout: 'today',
    clock: new Date().toISOString(),
    account: config.account as LabInfo['account'],
    client: { publicIp: '' },
    resolver: network.resolver,
    session: { env: { cluster_name: options.cluster, rg: options.group }, namespace: kubeSource.namespace },
    tools: TOOLS,
    app: { sqlVersion: '' },
  };

  return {
    source: 'live',
    info,
    arm: armRead,
    kube: kubeRead,
    resolve: (host) => network.resolve(host),
    http: (req) => network.http(req),
    refresh: async () => arm.clear() + kube.clear(),
    calls: () => ({ arm: arm.calls, kube: kube.calls }),
  };
}

// `kubectl expose` (kubectl 1.32 pkg/cmd/expose and polymorphichelpers, checked against kubectl 1.32
// on the lab's API server) and `oc expose` (openshift/oc pkg/cli/expose and create/route, read from
// its source). A Deployment, ReplicaSet, ReplicationController, pod or service — and, for oc, a
// DeploymentConfig — becomes a Service: its selector the object's (a pod's labels), its ports the
// containers' (or --port), the target port the same number (or --target-port), its labels the
// object's, the type --type (LoadBalancer: the cloud provider then gives it a frontend). oc exposes
// a service as a Route instead: named after it, with its labels, to it, on its first TCP port's name
// (or target port), the host the router's admission gives it. kubectl prints `service/x exposed`,
// oc also `route.route.openshift.io/x exposed`.
import type { Json, JsonObject, KubeObject } from '../../world/types.ts';
import { arr, field, isJsonObject, optStr, str } from '../../world/json.ts';
import { resolveResource, resourcePath } from '../../world/kube-resources.ts';
import { discoveredResources, getObject, KubeError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { schemeRefusal } from './kubectl-scheme.ts';
import { liveRefusal, Problems, sendWrite, visitTargets, writePrinter, type Target } from './write-targets.ts';
import { dryRunOf, type DryRun } from './write-support.ts';

const exposeFlags: FlagDef[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'hostname', type: 'string' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'overrides', type: 'string' },
  { name: 'path', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'selector', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'target-port', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'wildcard-policy', type: 'string' },
];

/** CanBeExposedFn (oc's adds DeploymentConfigs). */
function canBeExposed(cli: Cli, object: KubeObject): string | undefined {
  const group = object.apiVersion.includes('/') ? object.apiVersion.slice(0, object.apiVersion.lastIndexOf('/')) : '';
  const key = `${group}/${object.kind}`;
  const kubectl = ['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet'];
  if (kubectl.includes(key) || (cli.tool === 'oc' && key === 'apps.openshift.io/DeploymentConfig')) return undefined;
  return `cannot expose a ${object.kind}${group ? `.${group}` : ''}`;
}

const stringMap = (value: Json | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(isJsonObject(value) ? value : {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** MakeLabels: `k=v` pairs, sorted. */
const makeLabels = (labels: Record<string, string>) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

/** MapBasedSelectorForObjectFn. */
function selectorOf(object: KubeObject): string {
  switch (object.kind) {
    case 'ReplicationController':
    case 'DeploymentConfig':
      return makeLabels(stringMap(field(object.spec, 'selector')));
    case 'Pod': {
      const labels = object.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return makeLabels(labels);
    }
    case 'Service': {
      const selector = stringMap(field(object.spec, 'selector'));
      if (Object.keys(selector).length === 0) throw new Error('the service has no pod selector set');
      return makeLabels(selector);
    }
    default: {
      if (arr(field(object.spec, 'selector', 'matchExpressions')).length > 0) throw new Error(`couldn't convert expressions - "${JSON.stringify(field(object.spec, 'selector'))}" to map-based selector format`);
      return makeLabels(stringMap(field(object.spec, 'selector', 'matchLabels')));
    }
  }
}

/** The ports of the object (PortsForObjectFn) with their protocols (MultiProtocolsForObjectFn). */
function portsOf(object: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: unknown, protocol: unknown) => {
    const p = String(port);
    ports.push(p);
    const list = protocols.get(p) ?? [];
    const proto = optStr(protocol) ?? 'TCP';
    if (!list.includes(proto)) list.push(proto);
    protocols.set(p, list);
  };
  if (object.kind === 'Service') {
    for (const p of arr(field(object.spec, 'ports'))) add(field(p, 'port'), field(p, 'protocol'));
    return { ports, protocols };
  }
  const spec = object.kind === 'Pod' ? object.spec : field(object.spec, 'template', 'spec');
  for (const c of arr(field(spec, 'containers'))) for (const p of arr(field(c, 'ports'))) add(field(p, 'containerPort'), field(p, 'protocol'));
  return { ports, protocols };
}

/** parseLabels: `k=v,k2=v2`. */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [k, ...v] = pair.split('=');
    if (v.length !== 1 || k === '') throw new Error(`invalid label spec: ${pair}`);
    out[k] = v[0];
  }
  return out;
}

interface ServiceOptions {
  selector: string;
  port: string;
  ports: string;
  protocol: string;
  protocols: Map<string, string[]>;
  labels: string;
}

/** createService: the Service kubectl sends. */
function serviceFor(flags: ParsedFlags, o: ServiceOptions, defaultName: string): JsonObject {
  const name = flagString(flags, 'name') || defaultName;
  const list = (o.ports || o.port).split(',').filter(Boolean);
  const ports: JsonObject[] = [];
  list.forEach((text, i) => {
    if (!/^-?\d+$/.test(text)) throw new Error(`strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = Number(text);
    const portName = list.length > 1 ? `port-${i + 1}` : '';
    let protocol = o.protocol;
    const known = o.protocols.get(text);
    if (!protocol) {
      protocol = 'TCP';
      if (known && known.length === 1) protocol = known[0];
      else if (known && known.length > 1) {
        for (const p of known) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
    }
    ports.push({ ...(portName ? { name: portName } : {}), port, protocol });
  });
  const target = flagString(flags, 'target-port');
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  const type = flagString(flags, 'type');
  const spec: JsonObject = { ports, selector: parseLabels(o.selector) };
  const externalIp = flagString(flags, 'external-ip');
  if (externalIp) spec.externalIPs = [externalIp];
  if (type) spec.type = type;
  if (type === 'LoadBalancer' && flagString(flags, 'load-balancer-ip')) spec.loadBalancerIP = flagString(flags, 'load-balancer-ip');
  const affinity = flagString(flags, 'session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new Error(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (flagString(flags, 'cluster-ip')) spec.clusterIP = flagString(flags, 'cluster-ip');
  return { kind: 'Service', apiVersion: 'v1', metadata: { name, ...(labels ? { labels } : {}), creationTimestamp: null }, spec, status: { loadBalancer: {} } };
}

export function runExpose(cli: Cli, argv: string[]): Promise<number> {
  const refusal = liveRefusal(cli, 'expose');
  if (refusal) {
    cli.err(refusal);
    return Promise.resolve(1);
  }
  return runVerb(cli, 'expose', argv, exposeFlags, (flags) => expose(cli, flags));
}

async function expose(cli: Cli, flags: ParsedFlags): Promise<number> {
  if (flagString(flags, 'overrides') || flags.values.has('filename') || flagString(flags, 'kustomize')) throw plainError('--overrides, -f and -k are not available with expose in this lab terminal');
  const dryRun = dryRunOf(flags);
  const print = writePrinter(cli, flagString(flags, 'output'), 'exposed', dryRun);
  const wildcard = flagString(flags, 'wildcard-policy');
  if (cli.tool === 'oc' && wildcard && wildcard !== 'Subdomain' && wildcard !== 'None') throw plainError('only "Subdomain" or "None" are supported for wildcard-policy');
  if (flags.args.length === 0) {
    throw plainError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const { targets, errors } = await visitTargets(cli, flags.args, { namespace, selector: '', all: false });
  const services = resolveResource('services', await discoveredResources(cli.ctx.world));
  if (!services.ok) throw plainError('the server does not serve services');
  if (cli.tool === 'oc') {
    // oc reads every object first: any error ends it, and it exposes one object only.
    if (errors.length > 0) throw errors[0];
    if (targets.length > 1) throw plainError(`multiple resources provided: [${flags.args.join(' ')}]`);
    if (targets[0]?.object.kind === 'Service') return exposeRoute(cli, flags, targets[0], namespace, dryRun, print);
  } else {
    for (const t of targets) {
      const refusal = schemeRefusal(cli.tool, t.res);
      if (refusal) throw refusal;
    }
  }
  const problems = new Problems();
  for (const e of errors) problems.addError(e);
  // ExposeServiceOptions keeps what the first object gave for the next ones, as kubectl does.
  const o: ServiceOptions = { selector: flagString(flags, 'selector'), port: flagString(flags, 'port'), ports: '', protocol: flagString(flags, 'protocol') || (cli.tool === 'oc' ? 'TCP' : ''), protocols: new Map(), labels: flagString(flags, 'labels') };
  for (const target of targets) {
    const { object } = target;
    try {
      const refused = canBeExposed(cli, object);
      if (refused) throw new Error(refused);
      if (!o.selector) {
        try {
          o.selector = selectorOf(object);
        } catch (e) {
          throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const introspected = portsOf(object);
      if (!o.port) {
        if (introspected.ports.length === 0 && flagString(flags, 'cluster-ip') !== 'None') throw new Error("couldn't find port via --port flag or introspection");
        if (introspected.ports.length === 1) o.port = introspected.ports[0];
        else if (introspected.ports.length > 1) o.ports = introspected.ports.join(',');
      }
      if (introspected.protocols.size > 0) o.protocols = introspected.protocols;
      if (!o.labels) o.labels = makeLabels(object.metadata.labels ?? {});
      if (!o.selector) throw new Error('selector must be specified');
      const service = serviceFor(flags, o, object.metadata.name.slice(0, 63));
      const name = str(field(service, 'metadata', 'name'));
      const created: Target = { res: services.resource, object: { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace } } };
      if (dryRun === 'client') {
        print(created);
        continue;
      }
      const manager = encodeURIComponent(flagString(flags, 'field-manager') || 'kubectl-expose');
      const path = `${resourcePath(services.resource, namespace)}${dryRun === 'server' ? '?dryRun=All&' : '?'}fieldManager=${manager}`;
      print(created, await sendWrite(cli, { method: 'POST', path, body: service }));
    } catch (e) {
      if (e instanceof KubeError) problems.addError(e);
      else if (e instanceof Error) problems.add(e.message);
      else throw e;
    }
  }
  return problems.report(cli);
}

/** oc expose of a service: a Route to it (route.UnsecuredRoute, then the flags' labels, host, path, wildcard policy). */
async function exposeRoute(cli: Cli, flags: ParsedFlags, target: Target, namespace: string, dryRun: DryRun, print: ReturnType<typeof writePrinter>): Promise<number> {
  if (flagString(flags, 'type')) throw plainError('cannot use --type when exposing route');
  const routes = resolveResource('routes', await discoveredResources(cli.ctx.world));
  if (!routes.ok) throw plainError("the server doesn't have a resource type \"routes\"");
  const service = await getObject(cli.ctx.world, target.res, namespace, target.object.metadata.name);
  const ports = arr(field(service.spec, 'ports'));
  const tcp = ports.find((p) => (optStr(field(p, 'protocol')) ?? 'TCP') === 'TCP');
  if (!tcp) throw plainError(`service "${service.metadata.name}" doesn't support TCP`);
  const portFlag = flagString(flags, 'port');
  // With no --port, oc routes to the first TCP port by name, or to the first port's target port.
  const portText = portFlag || optStr(field(tcp, 'name')) || String(field(ports[0], 'targetPort') ?? field(ports[0], 'port'));
  const targetPort: Json = /^-?\d+$/.test(portText) ? Number(portText) : portText;
  const labels = { ...(service.metadata.labels ?? {}), ...(flagString(flags, 'labels') ? parseLabels(flagString(flags, 'labels')) : {}) };
  const name = flagString(flags, 'name') || service.metadata.name;
  const spec: JsonObject = { to: { name: service.metadata.name }, port: { targetPort } };
  if (flagString(flags, 'hostname')) spec.host = flagString(flags, 'hostname');
  if (flagString(flags, 'path')) spec.path = flagString(flags, 'path');
  if (flagString(flags, 'wildcard-policy')) spec.wildcardPolicy = flagString(flags, 'wildcard-policy');
  const route: JsonObject = { kind: 'Route', apiVersion: 'route.openshift.io/v1', metadata: { name, ...(Object.keys(labels).length ? { labels } : {}), namespace, creationTimestamp: null }, spec, status: {} };
  const created: Target = { res: routes.resource, object: { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name, namespace } } };
  if (dryRun === 'client') {
    print(created);
    return 0;
  }
  const path = `${resourcePath(routes.resource, namespace)}${dryRun === 'server' ? '?dryRun=All' : ''}`;
  print(created, await sendWrite(cli, { method: 'POST', path, body: route }));
  return 0;
}

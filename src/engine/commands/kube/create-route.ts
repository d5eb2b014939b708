// `oc create route edge|passthrough|reencrypt [NAME] --service=SVC` (openshift/oc pkg/cli/create/
// routeedge.go, routepassthrough.go, routereenecrypt.go and route/route.go, read from its source: no oc
// binary runs here): a Route to the service (named after it unless NAME is given), with its labels,
// on its first TCP port when that port has a name (or --port), the TLS termination of the
// subcommand and --insecure-policy; the host the router's admission gives it unless --hostname.
// oc prints `route.route.openshift.io/NAME created`. Certificates from files (--cert, --key,
// --ca-cert, --dest-ca-cert) have no files to come from in the lab. kubectl has no such command.
import type { Json, JsonObject } from '../../world/types.ts';
import { arr, field, optStr } from '../../world/json.ts';
import { resolveResource, resourcePath } from '../../world/kube-resources.ts';
import { discoveredResources, getObject, KubeError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { liveRefusal, sendWrite, writePrinter } from './write-targets.ts';
import { dryRunOf, type DryRun } from './write-support.ts';

const TERMINATIONS: Record<string, string> = { edge: 'edge', passthrough: 'passthrough', reencrypt: 'reencrypt' };

function routeFlags(kind: string): FlagDef[] {
  const flags: FlagDef[] = [
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'hostname', type: 'string' },
    { name: 'insecure-policy', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'service', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'wildcard-policy', type: 'string' },
  ];
  if (kind !== 'passthrough') flags.push({ name: 'path', type: 'string' }, { name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'ca-cert', type: 'string' });
  if (kind === 'reencrypt') flags.push({ name: 'dest-ca-cert', type: 'string' });
  return flags;
}

export function runCreateRoute(cli: Cli, argv: string[]): Promise<number> {
  if (cli.tool !== 'oc') {
    // kubectl create takes the words for arguments of its own, which it does not accept.
    const words = argv.filter((a) => !a.startsWith('-'));
    cli.err(argv.some((a) => a.startsWith('--')) && !argv.includes('--') ? `error: unknown flag: ${argv.find((a) => a.startsWith('--'))?.split('=')[0]}\nSee 'kubectl create --help' for usage.\n` : `error: Unexpected args: [route${words.length ? ` ${words.join(' ')}` : ''}]\nSee 'kubectl create -h' for help and examples\n`);
    return Promise.resolve(1);
  }
  const kind = argv.find((a) => !a.startsWith('-'));
  if (kind === undefined || !TERMINATIONS[kind]) {
    cli.err(kind === undefined ? `error: "oc create route" is not available in this lab terminal\n` : `error: unknown command "${kind}" for "oc create route"\n`);
    return Promise.resolve(1);
  }
  const refusal = liveRefusal(cli, 'create');
  if (refusal) {
    cli.err(refusal);
    return Promise.resolve(1);
  }
  return runVerb(cli, `create route ${kind}`, argv.filter((_, i) => i !== argv.indexOf(kind)), routeFlags(kind), (flags) => createRoute(cli, flags, kind));
}

async function createRoute(cli: Cli, flags: ParsedFlags, kind: string): Promise<number> {
  if (flags.args.length > 1) throw plainError('multiple names provided. Please specify at most one');
  const dryRun = dryRunOf(flags);
  const print = writePrinter(cli, flagString(flags, 'output'), 'created', dryRun);
  for (const file of ['cert', 'key', 'ca-cert', 'dest-ca-cert']) if (flagString(flags, file)) throw plainError(`--${file}: the lab has no files to read certificates from`);
  const serviceArg = flagString(flags, 'service');
  if (!serviceArg) throw plainError('you need to provide a service name via --service');
  const served = await discoveredResources(cli.ctx.world);
  // cmdutil.ResolveResource: `NAME` is a service's, `TYPE/NAME` must name services.
  const slash = serviceArg.indexOf('/');
  if (slash >= 0) {
    const typed = resolveResource(serviceArg.slice(0, slash), served);
    if (!typed.ok) throw plainError(`the server doesn't have a resource type "${typed.resourceName}"`);
    if (typed.resource.plural !== 'services' || typed.resource.group !== '') throw plainError(`cannot expose ${typed.resource.plural}${typed.resource.group ? `.${typed.resource.group}` : ''} as routes`);
  }
  const serviceName = slash >= 0 ? serviceArg.slice(slash + 1) : serviceArg;
  const services = resolveResource('services', served);
  const routes = resolveResource('routes', served);
  if (!services.ok || !routes.ok) throw plainError("the server doesn't have a resource type \"routes\"");
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const name = flags.args[0] || serviceName;
  const port = flagString(flags, 'port');
  const spec: JsonObject = { to: { name: serviceName } };
  let labels: Record<string, string> | undefined;
  try {
    const service = await getObject(cli.ctx.world, services.resource, namespace, serviceName);
    const tcp = arr(field(service.spec, 'ports')).find((p) => (optStr(field(p, 'protocol')) ?? 'TCP') === 'TCP');
    if (!tcp) throw plainError(`service "${serviceName}" doesn't support TCP`);
    labels = service.metadata.labels;
    const portName = port || optStr(field(tcp, 'name'));
    if (portName) spec.port = { targetPort: /^\d+$/.test(portName) ? Number(portName) : portName };
  } catch (e) {
    if (!(e instanceof KubeError) || !e.text.startsWith('Error from server')) throw e;
    if (!port) throw plainError('you need to provide a route port via --port when exposing a non-existent service');
    spec.port = { targetPort: /^\d+$/.test(port) ? Number(port) : port };
  }
  if (flagString(flags, 'wildcard-policy')) spec.wildcardPolicy = flagString(flags, 'wildcard-policy');
  if (flagString(flags, 'hostname')) spec.host = flagString(flags, 'hostname');
  if (kind !== 'passthrough' && flagString(flags, 'path')) spec.path = flagString(flags, 'path');
  const tls: JsonObject = { termination: TERMINATIONS[kind] };
  if (flagString(flags, 'insecure-policy')) tls.insecureEdgeTerminationPolicy = flagString(flags, 'insecure-policy');
  spec.tls = tls;
  const route: Json = { kind: 'Route', apiVersion: 'route.openshift.io/v1', metadata: { name, ...(labels ? { labels } : {}), creationTimestamp: null }, spec, status: {} };
  const target = { res: routes.resource, object: { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name, namespace } } };
  if (dryRun === 'client') {
    print(target);
    return 0;
  }
  print(target, await sendWrite(cli, { method: 'POST', path: `${resourcePath(routes.resource, namespace)}${dryRun === 'server' ? '?dryRun=All' : ''}`, body: route }));
  return 0;
}

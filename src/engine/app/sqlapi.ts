// The post's API (an image of erjosito/whoami's sql_api.py) as behaviour computed from the world:
// what it answers depends on the pod that serves it, its node, cluster DNS and the SQL service.
import type { KubeObject } from '../world/types.ts';
import type { WorldModel } from '../model/world-model.ts';
import { jsonify, notFound, type AppResponse } from './flask.ts';
import { OUTBOUND_PATHS, snatNow } from '../model/snat.ts';
import { arr, field, isJsonObject, optStr, str, type JsonObject } from '../world/json.ts';

export interface AppRequest {
  path: string;
  query: URLSearchParams;
  host: string;
  /** The connection's source address as the pod sees it (REMOTE_ADDR). */
  remoteAddr: string;
  headers: Record<string, string>;
  now: Date;
}

/** The variables the pod's first container declares with a value (valueFrom reads as ''). */
export function containerEnv(pod: KubeObject): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of arr(field(pod.spec, 'containers', 0, 'env')).filter(isJsonObject)) env[str(e.name)] = str(e.value);
  return env;
}

/** The docker-link variables kubelet sets for each service that existed when the pod started. */
function serviceVariables(model: WorldModel, pod: KubeObject): Record<string, string> {
  const started = Date.parse(pod.metadata.creationTimestamp ?? '');
  const services = [...model.kube('Service', pod.metadata.namespace), ...(pod.metadata.namespace === 'default' ? [] : model.kube('Service', 'default').filter((s) => s.metadata.name === 'kubernetes'))];
  const vars: Record<string, string> = {};
  for (const s of services) {
    const clusterIp = str(s.spec?.clusterIP);
    if (!clusterIp || clusterIp === 'None' || Date.parse(s.metadata.creationTimestamp ?? '') > started) continue;
    const name = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const ports = arr(s.spec?.ports).filter(isJsonObject);
    if (!ports.length) continue;
    const port = (p: JsonObject) => String(p.port);
    const proto = (p: JsonObject) => String(p.protocol ?? 'TCP').toLowerCase();
    vars[`${name}_SERVICE_HOST`] = clusterIp;
    vars[`${name}_SERVICE_PORT`] = port(ports[0]);
    for (const p of ports) if (typeof p.name === 'string' && p.name) vars[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = port(p);
    vars[`${name}_PORT`] = `${proto(ports[0])}://${clusterIp}:${port(ports[0])}`;
    for (const p of ports) {
      const key = `${name}_PORT_${port(p)}_${String(p.protocol ?? 'TCP').toUpperCase()}`;
      vars[key] = `${proto(p)}://${clusterIp}:${port(p)}`;
      vars[`${key}_PROTO`] = proto(p);
      vars[`${key}_PORT`] = port(p);
      vars[`${key}_ADDR`] = clusterIp;
    }
  }
  return vars;
}

export function environment(model: WorldModel, pod: KubeObject): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata.name,
    ...containerEnv(pod),
    ...serviceVariables(model, pod),
    HOME: '/',
  };
}

/** The port the app listens on (get_web_port): its PORT variable when that is a number, else 8080. */
export function appWebPort(pod: KubeObject): number {
  const port = containerEnv(pod).PORT;
  return port !== undefined && /^\d+$/.test(port) ? Number(port) : 8080;
}

/** Endpoints that resolve a name before they answer. */
const RESOLVING_PATHS = new Set(['/api/ip', '/api/dns', '/api/sqlversion', '/api/sqlsrcip']);

/** The port the app's connection string names for SQL Server (`Server=tcp:<fqdn>,1433`): the
 * app dials it whatever port the service behind the name listens on. */
export const SQL_SERVER_PORT = 1433;

/** How long the ODBC driver waits for a login that gets no answer. The sample app calls
 * `pyodbc.connect(cx_string)` without `timeout`, and its connection string's `Connection Timeut=30`
 * is misspelled (and no ODBC keyword even spelled right: that is ADO.NET's): the Microsoft ODBC
 * Driver for SQL Server ignores it and keeps its own login timeout, 15 s, then fails with HYT00
 * "Login timeout expired". */
export const ODBC_LOGIN_TIMEOUT_MS = 15_000;

/** A name that does not resolve fails at the driver's lookup, before any connection: the pod's
 * resolver tries each search domain of its resolv.conf and gets NXDOMAIN from the cluster's DNS
 * (and Azure's, upstream) within milliseconds each. */
export const NAME_NOT_FOUND_MS = 25;

/** What became of the app's connection to SQL Server: answered, the name not found, or the login
 * unanswered (a NetworkPolicy drops the SYN on the SQL pod's node; no ready endpoint behind the
 * service). */
export type SqlOutcome = 'answered' | 'no-such-host' | 'login-timeout';

export function sqlOutcome(model: WorldModel, from: KubeObject, fqdn: string, namespace: string): SqlOutcome {
  const ip = model.clusterResolve(fqdn, namespace)[0];
  if (!ip) return 'no-such-host';
  const service = model.kube('Service').find((s) => s.spec?.clusterIP === ip);
  const backend = service ? model.serviceEndpoints(service)[0] : undefined;
  if (!service || !backend) return 'login-timeout';
  const port = Number(field(service.spec, 'ports', 0, 'targetPort') ?? field(service.spec, 'ports', 0, 'port') ?? SQL_SERVER_PORT);
  return model.networkPolicyDenies(from, backend, port) ? 'login-timeout' : 'answered';
}

/** How long the app takes before it answers a SQL endpoint, when not its usual few milliseconds. */
function sqlWaitMs(outcome: SqlOutcome): number | undefined {
  if (outcome === 'login-timeout') return ODBC_LOGIN_TIMEOUT_MS;
  if (outcome === 'no-such-host') return NAME_NOT_FOUND_MS;
  return undefined;
}

/** Whether a request hangs in the app (past the router's 30 s). Endpoints that call jsonip.com
 * open a new connection each time (requests.get, no timeout): the request hangs when that
 * connection gets nowhere: every SNAT port of the node's outbound rule taken (the SYN is dropped),
 * or the node's traffic to the Internet sent where no public address takes it (a route to an
 * appliance no firewall of the world's has, a NAT gateway without a public IP, a route that drops
 * it, no outbound rule at all), as the packet walk's egress flow shows. */
export function waitsForOutbound(model: WorldModel, pod: KubeObject, path: string): boolean {
  // Every endpoint that looks a name up (jsonip.com, SQL_SERVER_FQDN, the fqdn asked) waits for the
  // resolver first: with cluster DNS denied by a NetworkPolicy, glibc tries each search domain
  // (ndots:5) and the name, each query timed out twice at 5 s: most of a minute.
  if (RESOLVING_PATHS.has(path) && model.clusterDnsDenied(pod) !== undefined) return true;
  if (!OUTBOUND_PATHS.has(path)) return false;
  const node = String(pod.spec?.nodeName);
  if (model.egressIp(node) === undefined) return true;
  const snat = snatNow(model, node);
  return snat !== undefined && snat.minute.failed > 0;
}

export function sqlApi(model: WorldModel, pod: KubeObject, req: AppRequest): AppResponse {
  const env = environment(model, pod);
  const namespace = pod.metadata.namespace ?? 'default';
  const fqdn = req.query.get('SQL_SERVER_FQDN') ?? env.SQL_SERVER_FQDN ?? '';
  const dnsServer = optStr(model.service('openshift-dns', 'dns-default')?.spec?.clusterIP);
  const sqlFailure = `Connection to server ${fqdn} failed, you might have to update the firewall rules or check your credentials?`;
  switch (req.path) {
    case '/api/healthcheck':
      return jsonify({ health: 'OK' }, req.now);
    case '/api/ip': {
      const node = str(pod.spec?.nodeName);
      const gateway = model.podNetworkOf(node)?.split('/')[0].replace(/\.0$/, '.1') ?? '';
      const forwarded = req.headers['x-forwarded-for'];
      return jsonify(
        {
          my_default_gateway: gateway,
          my_dns_servers: `['${dnsServer ?? ''}']`,
          my_private_ip: pod.status?.podIP,
          my_public_ip: model.egressIp(node) ?? '',
          path_accessed: `${req.host}${req.path}`,
          sql_server_fqdn: fqdn,
          sql_server_ip: model.clusterResolve(fqdn, namespace)[0] ?? '',
          'x-forwarded-for': forwarded ? `[${forwarded.split(/,\s*/).map((a) => `'${a}'`).join(', ')}]` : null,
          your_address: req.remoteAddr,
          your_browser: 'None',
          your_platform: 'None',
        },
        req.now,
      );
    }
    case '/api/printenv':
      return jsonify(env, req.now);
    case '/api/dns': {
      const name = req.query.get('fqdn') ?? '';
      return jsonify({ fqdn: name, ip: model.clusterResolve(name, namespace)[0] ?? false }, req.now);
    }
    case '/api/sqlversion':
    case '/api/sqlsrcip': {
      const outcome = sqlOutcome(model, pod, fqdn, namespace);
      // Pod-to-service traffic inside the SDN is not SNATed: SQL Server sees the pod's own address.
      const answer = req.path === '/api/sqlversion' ? model.lab.info.app.sqlVersion : pod.status?.podIP;
      const response = jsonify({ sql_output: outcome === 'answered' ? answer : sqlFailure }, req.now);
      const waitMs = sqlWaitMs(outcome);
      return waitMs === undefined ? response : { ...response, waitMs };
    }
    default:
      return notFound(req.now);
  }
}

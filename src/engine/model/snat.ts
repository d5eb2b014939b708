// SNAT on a load balancer's outbound rule, minute by minute. Each backend instance (a node's NIC)
// gets a fixed number of ports on the rule's frontend IP; each new outbound connection takes one,
// and a port stays taken for a few minutes after the connection closes. When all are taken, new
// connections get no port: their SYNs are dropped and the client times out.
//
// The connections come from the app's behaviour, not from stored numbers: the lab's `app.load`
// says which endpoints are requested how often, and the app's code says which endpoints open a
// new connection to the Internet per request (sql_api.py calls jsonip.com with requests.get).
import type { LoadBalancer, OutboundRule } from '../world/schema/arm.ts';
import type { Pod } from '../world/schema/kube.ts';
import type { WorldModel } from './world-model.ts';

/** How long a port stays taken, on average, in minutes (the model's assumption). */
export const SNAT_HOLD_MINUTES = 4;

/** Endpoints of the sample app that open a new Internet connection per request (/api/ip asks
 * jsonip.com for the pod's public address). */
export const OUTBOUND_PATHS = new Set(['/api/ip']);

const MINUTE = 60_000;

export interface SnatMinute {
  /** Start of the minute, ms since the epoch. */
  time: number;
  attempts: number;
  succeeded: number;
  failed: number;
  /** Ports taken at the end of the minute. */
  inUse: number;
}

export interface SnatBackendInfo {
  node: string;
  /** The node's private address: the metrics' BackendIPAddress. */
  backendIp: string;
  /** The outbound rule's public address: the metrics' FrontendIPAddress. */
  frontendIp: string;
  allocated: number;
}

export interface SnatBackend extends SnatBackendInfo {
  minutes: SnatMinute[];
}

/** Azure's default allocation when the rule says 0: by the size of the backend pool. */
function defaultPorts(poolSize: number): number {
  const table: Array<[number, number]> = [[50, 1024], [100, 512], [200, 256], [400, 128], [800, 64], [1000, 32]];
  return table.find(([size]) => poolSize <= size)?.[1] ?? 32;
}

/** Where the app's outbound load lands: the node of the pod serving each route, once per world. */
const loadsByModel = new WeakMap<WorldModel, Array<{ node: string; perMinute: number; since: number }>>();

function outboundLoads(model: WorldModel): Array<{ node: string; perMinute: number; since: number }> {
  let loads = loadsByModel.get(model);
  if (!loads) {
    const clock = Date.parse(model.lab.info.clock);
    loads = (model.lab.info.app.load ?? [])
      .filter((load) => OUTBOUND_PATHS.has(load.path))
      .map((load) => ({ node: servingPod(model, load.route)?.spec?.nodeName ?? '', perMinute: load.perMinute, since: load.sinceMinutes === undefined ? -Infinity : clock - load.sinceMinutes * MINUTE }));
    loadsByModel.set(model, loads);
  }
  return loads;
}

/** New Internet connections a node opens in the minute starting at `time`. */
export function outboundAttempts(model: WorldModel, node: string, time: number): number {
  return outboundLoads(model).reduce((sum, load) => (load.node === node && time >= load.since ? sum + load.perMinute : sum), 0);
}

/** The pod serving a route named `namespace/name`. */
function servingPod(model: WorldModel, route: string): Pod | undefined {
  const [namespace, name] = route.split('/');
  const routeObject = model.kube('Route', namespace).find((r) => r.metadata.name === name);
  return routeObject ? model.routeBackend(routeObject) : undefined;
}

// Ports come back gradually: each minute a quarter of the taken ones (one over the hold time) are
// released, so a saturated backend admits allocated/SNAT_HOLD_MINUTES new connections a minute.
// Minutes are handed to `each` one at a time, in one reused object, so that a span of months
// costs time but no memory.
function simulate(attempts: (time: number) => number, allocated: number, from: number, to: number, each: (minute: SnatMinute) => void): void {
  const minute: SnatMinute = { time: 0, attempts: 0, succeeded: 0, failed: 0, inUse: 0 };
  let inUse = 0;
  for (let time = from - 4 * SNAT_HOLD_MINUTES * MINUTE; time < to; time += MINUTE) {
    inUse -= Math.round(inUse / SNAT_HOLD_MINUTES);
    const wanted = attempts(time);
    const succeeded = Math.min(wanted, allocated - inUse);
    inUse += succeeded;
    if (time >= from) {
      Object.assign(minute, { time, attempts: wanted, succeeded, failed: wanted - succeeded, inUse });
      each(minute);
    }
  }
}

/** Runs the SNAT simulation of every backend of a load balancer's outbound rules over [from, to);
 * `each` sees every backend's minutes in order (the minute object is reused: copy what you keep). */
export function simulateSnat(model: WorldModel, lb: LoadBalancer, from: number, to: number, each: (backend: SnatBackendInfo, minute: SnatMinute) => void): SnatBackendInfo[] {
  const backends = snatBackends(model, lb);
  for (const backend of backends) {
    // A node whose new connections leave another way (a NAT gateway on its subnet, a route to an
    // appliance) opens none through this rule.
    const egress = model.nodeEgress(backend.node);
    const through = egress?.via === 'outbound-rule' && egress.lb.id.toLowerCase() === lb.id.toLowerCase();
    simulate((time) => (through ? outboundAttempts(model, backend.node, time) : 0), backend.allocated, from, to, (minute) => each(backend, minute));
  }
  return backends;
}

/** Every backend of every outbound rule of a load balancer, minute by minute over [from, to) (short spans). */
export function snatUsage(model: WorldModel, lb: LoadBalancer, from: number, to: number): SnatBackend[] {
  const minutes = new Map<SnatBackendInfo, SnatMinute[]>();
  const backends = simulateSnat(model, lb, from, to, (backend, minute) => {
    if (!minutes.has(backend)) minutes.set(backend, []);
    minutes.get(backend)!.push({ ...minute });
  });
  return backends.map((backend) => ({ ...backend, minutes: minutes.get(backend) ?? [] }));
}

function snatBackends(model: WorldModel, lb: LoadBalancer): SnatBackendInfo[] {
  const out: SnatBackendInfo[] = [];
  for (const rule of lb.properties?.outboundRules ?? []) {
    const pool = model.backendPool(rule.properties?.backendAddressPool?.id);
    const configs = (pool?.properties?.backendIPConfigurations ?? []).flatMap((c) => model.ipConfiguration(c.id) ?? []);
    const frontend = model.frontend(rule.properties?.frontendIPConfigurations?.[0]?.id);
    const frontendIp = model.publicIp(frontend?.properties?.publicIPAddress?.id)?.properties?.ipAddress ?? '';
    const allocated = rule.properties?.allocatedOutboundPorts || defaultPorts(configs.length);
    for (const config of configs) {
      const node = model.nodeOfNic(model.nicOfIpConfiguration(config.id));
      out.push({ node, backendIp: config.properties?.privateIPAddress ?? '', frontendIp, allocated });
    }
  }
  return out;
}

type SnatNow = { lb: LoadBalancer; rule: OutboundRule; backend: SnatBackend; minute: SnatMinute } | undefined;
const nowByModel = new WeakMap<WorldModel, Map<string, SnatNow>>();

/** A node's SNAT state in the lab's current minute, when its egress goes through an outbound rule
 * (kept per world: every request to /api/ip asks). */
export function snatNow(model: WorldModel, node: string): SnatNow {
  let known = nowByModel.get(model);
  if (!known) nowByModel.set(model, (known = new Map()));
  if (known.has(node)) return known.get(node);
  const egress = model.nodeEgress(node);
  let state: SnatNow;
  if (egress?.via === 'outbound-rule') {
    const clock = Math.floor(Date.parse(model.lab.info.clock) / MINUTE) * MINUTE;
    const backend = snatUsage(model, egress.lb, clock, clock + MINUTE).find((b) => b.node === node);
    state = backend ? { lb: egress.lb, rule: egress.rule, backend, minute: backend.minutes[0] } : undefined;
  }
  known.set(node, state);
  return state;
}

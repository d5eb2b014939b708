// OpenShift routes: NAME HOST/PORT PATH SERVICES PORT TERMINATION WILDCARD (openshift-apiserver
// printRoute). HOST/PORT is the host admitted by the routers ("Pending" before any router
// admits it, the rejection reason when all reject it); SERVICES shows weights only when a route
// splits traffic; PORT is the target port or <all>.
import type { KubeObject } from '../../../world/types.ts';
import { arr, field, num, str } from './helpers.ts';
import type { TablePrinter } from './types.ts';

function admittedCondition(ingress: unknown): { status: string; reason: string } {
  const c = arr(field(ingress, 'conditions')).find((x) => str(field(x, 'type')) === 'Admitted');
  return c ? { status: str(field(c, 'status')), reason: str(field(c, 'reason')) } : { status: 'Unknown', reason: '' };
}

export function routeHost(route: KubeObject): string {
  const specHost = str(field(route, 'spec', 'host'));
  let host = specHost;
  let matchedHost = false;
  let reason = '';
  let admitted = 0;
  let errors = 0;
  const ingresses = field(route, 'status', 'ingress');
  for (const ingress of arr(ingresses)) {
    const c = admittedCondition(ingress);
    if (c.status === 'True') {
      admitted++;
      if (!matchedHost) {
        matchedHost = str(field(ingress, 'host')) === specHost;
        host = str(field(ingress, 'host'));
      }
    } else if (c.status === 'False') {
      reason = c.reason;
      errors++;
    }
  }
  // No status.ingress at all: an old server, keep the spec host.
  if (!Array.isArray(ingresses)) return host;
  if (admitted === 0 && errors > 0) return reason;
  if (errors > 0) return `${host} ... ${errors} rejected`;
  if (admitted === 0) return 'Pending';
  if (admitted > 1) return `${host} ... ${admitted - 1} more`;
  return host;
}

export function routeServices(route: KubeObject): string {
  const backends = [field(route, 'spec', 'to'), ...arr(field(route, 'spec', 'alternateBackends'))];
  const weightOf = (b: unknown): number | undefined => {
    const w = field(b, 'weight');
    return typeof w === 'number' ? w : undefined;
  };
  const totalWeight = backends.reduce<number>((sum, b) => sum + (weightOf(b) ?? 0), 0);
  return backends
    .map((b) => {
      const n = str(field(b, 'name'));
      const w = weightOf(b);
      if (w === undefined || (backends.length === 1 && totalWeight !== 0)) return n;
      if (totalWeight === 0) return `${n}(0%)`;
      return `${n}(${Math.trunc((w * 100) / totalWeight)}%)`;
    })
    .join(',');
}

export function routeTermination(route: KubeObject): string {
  const tls = field(route, 'spec', 'tls');
  const termination = str(field(tls, 'termination'));
  const insecure = str(field(tls, 'insecureEdgeTerminationPolicy'));
  if (termination && insecure) return `${termination}/${insecure}`;
  if (termination) return termination;
  if (insecure) return `default/${insecure}`;
  return '';
}

export function routePort(route: KubeObject): string {
  const port = field(route, 'spec', 'port');
  if (port === undefined || port === null) return '<all>';
  const target = field(port, 'targetPort');
  return typeof target === 'number' ? String(num(target)) : str(target);
}

export const routePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Host/Port', priority: 0 },
    { name: 'Path', priority: 0 },
    { name: 'Services', priority: 0 },
    { name: 'Port', priority: 0 },
    { name: 'Termination', priority: 0 },
    { name: 'Wildcard', priority: 0 },
  ],
  cells(route: KubeObject): string[] {
    return [
      route.metadata.name,
      routeHost(route),
      str(field(route, 'spec', 'path')),
      routeServices(route),
      routePort(route),
      routeTermination(route),
      str(field(route, 'spec', 'wildcardPolicy')),
    ];
  },
};

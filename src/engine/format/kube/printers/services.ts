// Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide: SELECTOR (Kubernetes printService).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, byteOrder, field, formatLabels, num, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer: ingress IPs (or hostnames) as a sorted set; clipped unless wide. */
function loadBalancerStatus(svc: KubeObject, wide: boolean): string {
  const set = new Set<string>();
  for (const ingress of arr(field(svc, 'status', 'loadBalancer', 'ingress'))) {
    const ip = str(field(ingress, 'ip'));
    const hostname = str(field(ingress, 'hostname'));
    if (ip !== '') set.add(ip);
    else if (hostname !== '') set.add(hostname);
  }
  let r = [...set].sort(byteOrder).join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

export function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const externalIPs = arr(field(svc, 'spec', 'externalIPs')).map(str);
  switch (str(field(svc, 'spec', 'type'))) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',');
      return lbIps !== '' ? lbIps : '<pending>';
    }
    case 'ExternalName':
      return str(field(svc, 'spec', 'externalName'));
  }
  return '<unknown>';
}

/** makePortString: port/PROTO, or port:nodePort/PROTO when a node port is allocated. */
export function servicePorts(svc: KubeObject): string {
  const pieces = arr(field(svc, 'spec', 'ports')).map((p) => {
    const port = num(field(p, 'port'));
    // The API server defaults the protocol to TCP.
    const protocol = str(field(p, 'protocol')) || 'TCP';
    const nodePort = num(field(p, 'nodePort'));
    return nodePort > 0 ? `${port}:${nodePort}/${protocol}` : `${port}/${protocol}`;
  });
  return pieces.join(',');
}

export const servicePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Type', priority: 0 },
    { name: 'Cluster-IP', priority: 0 },
    { name: 'External-IP', priority: 0 },
    { name: 'Port(s)', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Selector', priority: 1 },
  ],
  cells(svc: KubeObject, options: PrintOptions): string[] {
    // spec.clusterIPs is filled from spec.clusterIP by the API server for older objects.
    const clusterIPs = arr(field(svc, 'spec', 'clusterIPs')).map(str);
    const clusterIP = clusterIPs[0] ?? str(field(svc, 'spec', 'clusterIP'));
    const cells = [
      svc.metadata.name,
      str(field(svc, 'spec', 'type')),
      clusterIP || '<none>',
      serviceExternalIP(svc, options.wide),
      servicePorts(svc) || '<none>',
      timestampSince(svc.metadata.creationTimestamp, options.now),
    ];
    if (options.wide) cells.push(formatLabels(field(svc, 'spec', 'selector')));
    return cells;
  },
};

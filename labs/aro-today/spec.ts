// `aro-today`: a public cluster created in 2026 in West Europe: OpenShift 4.19 with OVN-Kubernetes,
// today's layout (two load balancers, one NSG, a private link service), egress lockdown's private
// endpoint, five workers, the sqlapi app in project shop.
import { account, CLUSTER_419, gatewayDomains, RP_SUBSCRIPTION, SQL_SERVER_ENV, SQL_VERSION, sqlApiEnv, VERIFIED, VM_419 } from '../builders/presets.ts';
import type { LabSpec, NodeSpec } from '../builders/spec.ts';

const todaySub = '5f3e2b71-9c4d-4e8a-b6f0-2a7c1d9e8b34';
const todayWorkers: NodeSpec[] = [
  ['westeurope1-q7d2k', '10.40.2.4', '10.131.0.0/23', '1'],
  ['westeurope2-h9x4m', '10.40.2.5', '10.128.2.0/23', '2'],
  ['westeurope3-b2n8v', '10.40.2.6', '10.129.2.0/23', '3'],
  ['westeurope1-t5r1c', '10.40.2.7', '10.130.2.0/23', '1'],
  ['westeurope2-z8w6p', '10.40.2.8', '10.131.2.0/23', '2'],
].map(([suffix, ip, podCidr, zone]) => ({ name: `demo-4xt7q-worker-${suffix}`, ip, podCidr, zone }));

export const aroToday: LabSpec = {
  info: {
    name: 'aro-today',
    title: 'A cluster created today',
    summary: 'Cluster demo in West Europe, created in 2026: OpenShift 4.19 with OVN-Kubernetes, two load balancers, one NSG, egress lockdown, five workers, the sqlapi app in project shop.',
    layout: 'today',
    clock: '2026-11-20T09:30:00Z',
    account: account(todaySub, '8e1f4c2a-6d3b-4a9e-9c7f-0b5d2e8a1c63', 'ARO Labs Today'),
    client: { publicIp: '192.0.2.200' },
    resolver: '192.0.2.1',
    session: { env: { cluster_name: 'demo', rg: 'demo-rg' }, namespace: 'shop' },
    tools: VERIFIED,
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'shop/sqlapi', path: '/api/ip', perMinute: 12 }] },
  },
  subscription: todaySub,
  location: 'westeurope',
  cluster: { name: 'demo', group: 'demo-rg', nodeGroup: 'aro-x7k2p9qa', infraId: 'demo-4xt7q', domain: 'x7k2p9qa', ...CLUSTER_419 },
  createdAt: '2026-11-11T06:44:52.3816204Z',
  network: 'OVNKubernetes',
  vm: VM_419,
  visibility: 'Public',
  outboundType: 'Loadbalancer',
  gateway: { privateEndpointIp: '10.40.0.9', domains: gatewayDomains('westeurope', ['1130883183', '2094151337', '784912506']), rpSubscription: RP_SUBSCRIPTION, gatewayGroup: 'gwy-westeurope', rpGroup: 'rp-westeurope', storageSuffix: 'x7k2pqdz9m' },
  vnet: { name: 'demo-vnet', prefix: '10.40.0.0/22', master: ['master', '10.40.0.0/23'], worker: ['worker', '10.40.2.0/23'] },
  // Dynamic allocation takes the lowest free address of the master subnet: the internal API frontend
  // (.4) and the private link service (.5) come first, then the masters, then the private endpoint.
  ips: { api: '198.51.100.140', router: '203.0.113.77', internalApi: '10.40.0.4', privateLinkService: '10.40.0.5' },
  guids: {},
  masters: [0, 1, 2].map((i) => ({ name: `demo-4xt7q-master-${i}`, ip: `10.40.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: todayWorkers,
  clusterAgeMinutes: 9 * 24 * 60 + 130,
  project: 'shop',
  pods: [
    { name: 'server-5c6f7d8b9-m4kqz', namespace: 'shop', node: todayWorkers[1].name, ip: '10.128.2.31', ageMinutes: 3 * 24 * 60 + 70, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server', 'pod-template-hash': '5c6f7d8b9' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'server-5c6f7d8b9', apiVersion: 'apps/v1' } },
    { name: 'sqlapi-7d9c5b8f6-x2x7k', namespace: 'shop', node: todayWorkers[3].name, ip: '10.130.2.19', ageMinutes: 3 * 24 * 60 + 55, image: 'erjosito/sqlapi:1.0', labels: { deployment: 'sqlapi', 'pod-template-hash': '7d9c5b8f6' }, phase: 'Running', env: sqlApiEnv('shop'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'sqlapi-7d9c5b8f6', apiVersion: 'apps/v1' } },
  ],
  services: [
    { name: 'server', namespace: 'shop', clusterIP: '172.30.201.7', ageMinutes: 3 * 24 * 60 + 71, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deployment: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'shop', clusterIP: '172.30.64.19', ageMinutes: 3 * 24 * 60 + 56, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deployment: 'sqlapi' }, labels: { app: 'sqlapi' } },
  ],
  routes: [{ name: 'sqlapi', namespace: 'shop', service: 'sqlapi', targetPort: '8080-tcp', ageMinutes: 3 * 24 * 60 + 50 }],
  router: {
    uid: '3f7a2c91-5d4e-4b8a-9e1f-6c0d8b2a7e55',
    hash: '6b8f9d7c4',
    pods: [
      { name: 'router-default-6b8f9d7c4-9vq2n', node: todayWorkers[0].name, ip: '10.131.0.12' },
      { name: 'router-default-6b8f9d7c4-kx5lm', node: todayWorkers[2].name, ip: '10.129.2.10' },
    ],
    httpNodePort: 31844,
    httpsNodePort: 30271,
    healthCheckNodePort: 30987,
    clusterIP: '172.30.118.240',
    internalClusterIP: '172.30.20.95',
  },
};

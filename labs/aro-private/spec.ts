// `aro-private`: a private cluster created in 2026 in East US: API and ingress private, outboundType
// UserDefinedRouting through a firewall in the customer's hub VNet (peered, with the jump host the
// reader's terminal runs on), no public IP in its node resource group.
import { account, CLUSTER_419, gatewayDomains, RP_SUBSCRIPTION, SQL_SERVER_ENV, SQL_VERSION, sqlApiEnv, VERIFIED, VM_419 } from '../builders/presets.ts';
import type { LabSpec, NodeSpec } from '../builders/spec.ts';

const privateSub = '9a6c3e1b-7d2f-4b8e-a5c4-3f1e0d9b7a26';
const privateWorkers: NodeSpec[] = [
  ['eastus1-m2k7d', '10.60.2.4', '10.128.2.0/23', '1'],
  ['eastus2-r8t4x', '10.60.2.5', '10.129.2.0/23', '2'],
  ['eastus3-w5n9c', '10.60.2.6', '10.131.0.0/23', '3'],
].map(([suffix, ip, podCidr, zone]) => ({ name: `private-6hx2c-worker-${suffix}`, ip, podCidr, zone }));

export const aroPrivate: LabSpec = {
  info: {
    name: 'aro-private',
    title: 'A private cluster (2026)',
    summary: 'Cluster private in East US, created in 2026: API and ingress private, outboundType UserDefinedRouting (egress through a firewall in a hub VNet), no public IP in its node resource group; your terminal runs on a jump host in the hub.',
    layout: 'today',
    clock: '2026-11-24T14:00:00Z',
    account: account(privateSub, '8e1f4c2a-6d3b-4a9e-9c7f-0b5d2e8a1c63', 'ARO Labs Private'),
    // The jump host has no public IP: it goes out through the hub's firewall too.
    client: { publicIp: '203.0.113.150', privateIp: '10.70.1.4' },
    // Azure's DNS, which the jump host's VNet uses.
    resolver: '168.63.129.16',
    session: { env: { cluster_name: 'private', rg: 'private-rg' }, namespace: 'shop' },
    tools: VERIFIED,
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'shop/sqlapi', path: '/api/ip', perMinute: 12 }] },
  },
  subscription: privateSub,
  location: 'eastus',
  cluster: { name: 'private', group: 'private-rg', nodeGroup: 'aro-p4v8n2kd', infraId: 'private-6hx2c', domain: 'p4v8n2kd', ...CLUSTER_419 },
  createdAt: '2026-11-17T10:02:31.5524877Z',
  network: 'OVNKubernetes',
  vm: VM_419,
  visibility: 'Private',
  outboundType: 'UserDefinedRouting',
  vnet: { name: 'private-vnet', prefix: '10.60.0.0/22', master: ['master', '10.60.0.0/23'], worker: ['worker', '10.60.2.0/23'] },
  // Addresses in the master subnet as on aro-today; the router gets the highest free worker address.
  ips: { api: '10.60.0.4', router: '10.60.3.254', internalApi: '10.60.0.4', privateLinkService: '10.60.0.5' },
  gateway: { privateEndpointIp: '10.60.0.9', domains: gatewayDomains('eastus', ['1466728719', '3128851652', '593340247']), rpSubscription: RP_SUBSCRIPTION, gatewayGroup: 'gwy-eastus', rpGroup: 'rp-eastus', storageSuffix: 'p4v8nkgt2w' },
  hub: {
    group: 'hub-rg',
    vnet: { name: 'hub-vnet', prefix: '10.70.0.0/22', firewallSubnet: '10.70.0.0/26', jumpboxSubnet: '10.70.1.0/24' },
    firewall: { name: 'hub-fw', privateIp: '10.70.0.4', pip: 'hub-fw-pip', publicIp: '203.0.113.150' },
    jumpbox: { name: 'jumpbox', ip: '10.70.1.4' },
    routeTable: 'aro-udr',
  },
  guids: {},
  masters: [0, 1, 2].map((i) => ({ name: `private-6hx2c-master-${i}`, ip: `10.60.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: privateWorkers,
  clusterAgeMinutes: 7 * 24 * 60 + 200,
  project: 'shop',
  pods: [
    { name: 'server-6d8b7c9f5-p2wqs', namespace: 'shop', node: privateWorkers[1].name, ip: '10.129.2.24', ageMinutes: 2 * 24 * 60 + 95, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server', 'pod-template-hash': '6d8b7c9f5' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'server-6d8b7c9f5', apiVersion: 'apps/v1' } },
    { name: 'sqlapi-5f7c9d6b8-k4r9t', namespace: 'shop', node: privateWorkers[2].name, ip: '10.131.0.33', ageMinutes: 2 * 24 * 60 + 80, image: 'erjosito/sqlapi:1.0', labels: { deployment: 'sqlapi', 'pod-template-hash': '5f7c9d6b8' }, phase: 'Running', env: sqlApiEnv('shop'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'sqlapi-5f7c9d6b8', apiVersion: 'apps/v1' } },
  ],
  services: [
    { name: 'server', namespace: 'shop', clusterIP: '172.30.155.42', ageMinutes: 2 * 24 * 60 + 96, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deployment: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'shop', clusterIP: '172.30.88.131', ageMinutes: 2 * 24 * 60 + 81, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deployment: 'sqlapi' }, labels: { app: 'sqlapi' } },
  ],
  routes: [{ name: 'sqlapi', namespace: 'shop', service: 'sqlapi', targetPort: '8080-tcp', ageMinutes: 2 * 24 * 60 + 75 }],
  router: {
    uid: '8e2b5d47-a1c3-4f9e-b6d8-2c7a0e5f1b93',
    hash: '7c5d8b9f6',
    pods: [
      { name: 'router-default-7c5d8b9f6-h3xlp', node: privateWorkers[0].name, ip: '10.128.2.9' },
      { name: 'router-default-7c5d8b9f6-zq7wm', node: privateWorkers[2].name, ip: '10.131.0.11' },
    ],
    httpNodePort: 32011,
    httpsNodePort: 30744,
    healthCheckNodePort: 31562,
    clusterIP: '172.30.201.163',
    internalClusterIP: '172.30.47.218',
  },
};

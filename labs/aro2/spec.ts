// The post's cluster `aro2` of May 2020: OpenShift 4.3 with OpenShift SDN in North Europe, the 2020
// layout (four load balancers, two NSGs, a private DNS zone), the sqlapi app deployed by
// DeploymentConfigs in project1, published through an internal load balancer service.
import { releaseImage } from '../builders/ids.ts';
import { account, SQL_SERVER_ENV, SQL_VERSION, sqlApiEnv, VERIFIED } from '../builders/presets.ts';
import type { LabSpec, NodeSpec } from '../builders/spec.ts';

const aro2Sub = 'e7da9914-9b05-4891-893c-546cb7b0422e';
const aro2Workers: NodeSpec[] = [
  { name: 'aro2-p8bjm-worker-northeurope1-qt8l7', ip: '10.0.2.4', podCidr: '10.131.0.0/23', zone: '1' },
  { name: 'aro2-p8bjm-worker-northeurope2-7hmtn', ip: '10.0.2.5', podCidr: '10.128.2.0/23', zone: '2' },
  { name: 'aro2-p8bjm-worker-northeurope3-wl4vw', ip: '10.0.2.6', podCidr: '10.129.2.0/23', zone: '3' },
];
const [w1, , w3] = aro2Workers.map((w) => w.name);

export const aro2: LabSpec = {
  info: {
    name: 'aro2',
    title: 'The cluster of the post (2020)',
    summary: 'Cluster aro2 in North Europe as "A day in the life of a packet in ARO, part 2" shows it: four load balancers, two NSGs, the sqlapi app in project1.',
    layout: '2020',
    clock: '2020-05-29T16:00:00Z',
    account: account(aro2Sub, '3d2c7a1e-5b8f-4c6a-9e0d-1f2a3b4c5d6e', 'ARO Labs'),
    client: { publicIp: '198.51.100.7' },
    resolver: '192.0.2.53',
    session: { env: { cluster_name: 'aro2', rg: 'aro2' }, namespace: 'project1' },
    tools: VERIFIED,
    // An uptime check asks /api/ip every ten seconds: the only Internet connections the app opens.
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'project1/sqlapilb', path: '/api/ip', perMinute: 6 }] },
  },
  subscription: aro2Sub,
  location: 'northeurope',
  cluster: { name: 'aro2', group: 'aro2', nodeGroup: 'aro2-resources', infraId: 'aro2-p8bjm', domain: 'm50kgrxk', version: '4.3.18', kubelet: 'v1.16.2', crio: 'cri-o://1.16.6-2.rhaos4.3.git4a6c6b3.el8', osImage: 'Red Hat Enterprise Linux CoreOS 43.81.202005080554.0 (Ootpa)', kernel: '4.18.0-147.8.1.el8_1.x86_64' },
  network: 'OpenShiftSDN',
  vm: { masterSize: 'Standard_D8s_v3', workerSize: 'Standard_D4s_v3', sku: 'aro_43', version: '43.81.20200311' },
  visibility: 'Public',
  outboundType: 'Loadbalancer',
  vnet: { name: 'aro2-vnet', prefix: '10.0.0.0/22', master: ['master-subnet', '10.0.0.0/23'], worker: ['worker-subnet', '10.0.2.0/23'] },
  ips: { api: '203.0.113.10', outbound: '198.51.100.24', router: '192.0.2.80', internalApi: '10.0.0.4', internalService: '10.0.2.7' },
  guids: {
    'aro2-p8bjm': 'f809521e-6935-4066-8898-6ca1215e3d82',
    'aro2-p8bjm-internal': '45347122-98bc-49c5-9940-fc9713268bc2',
    'aro2-p8bjm-internal-lb': '1d809b47-5c87-4ac4-83b4-1e3e53ae8a67',
    'aro2-p8bjm-public-lb': '972600b0-2a96-4313-a0f2-6137c2043cfd',
  },
  masters: [0, 1, 2].map((i) => ({ name: `aro2-p8bjm-master-${i}`, ip: `10.0.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: aro2Workers,
  clusterAgeMinutes: 11 * 60 + 5,
  project: 'project1',
  pods: [
    { name: 'server-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.18', ageMinutes: 54, image: releaseImage('4.3.18', 'deployer'), labels: { 'openshift.io/deployer-pod-for.name': 'server-1' }, phase: 'Succeeded' },
    { name: 'server-1-ppl25', namespace: 'project1', node: w3, ip: '10.129.2.14', ageMinutes: 54, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server-1', deploymentconfig: 'server', app: 'server' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'server-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-8jgx8', namespace: 'project1', node: w1, ip: '10.131.0.25', ageMinutes: 40, image: 'erjosito/sqlapi:0.1', labels: { deployment: 'sqlapi-1', deploymentconfig: 'sqlapi', app: 'sqlapi' }, phase: 'Running', env: sqlApiEnv('project1'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'sqlapi-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.21', ageMinutes: 40, image: releaseImage('4.3.18', 'deployer'), labels: { 'openshift.io/deployer-pod-for.name': 'sqlapi-1' }, phase: 'Succeeded' },
  ],
  services: [
    { name: 'server', namespace: 'project1', clusterIP: '172.30.140.86', ageMinutes: 57, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deploymentconfig: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'project1', clusterIP: '172.30.91.203', ageMinutes: 43, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deploymentconfig: 'sqlapi' }, labels: { app: 'sqlapi' } },
    {
      name: 'sqlapilb',
      namespace: 'project1',
      clusterIP: '172.30.222.47',
      ageMinutes: 6 * 60 + 50,
      type: 'LoadBalancer',
      uid: '4c2e9a17-8b3d-4f6e-a1c5-7d9e0b2f3a48',
      loadBalancerIp: '10.0.2.7',
      annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' },
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080, nodePort: 30039 }],
      selector: { deploymentconfig: 'sqlapi' },
      labels: { app: 'sqlapi' },
    },
  ],
  routes: [{ name: 'sqlapilb', namespace: 'project1', service: 'sqlapilb', targetPort: '8080', ageMinutes: 6 * 60 + 45 }],
  router: {
    uid: 'b765e991-1ee7-4b8d-8128-0e60cfcea16d',
    hash: 'cf4d7b6d5',
    pods: [
      { name: 'router-default-cf4d7b6d5-lcxtl', node: w3, ip: '10.129.2.7' },
      { name: 'router-default-cf4d7b6d5-xlkxx', node: w1, ip: '10.131.0.7' },
    ],
    httpNodePort: 30602,
    httpsNodePort: 31409,
    healthCheckNodePort: 32105,
    clusterIP: '172.30.37.125',
    internalClusterIP: '172.30.118.33',
  },
};

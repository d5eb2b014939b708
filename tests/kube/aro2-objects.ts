// Hand-built objects of the aro2 cluster as the post shows it (AGEs 54m/40m, 57m/43m/6h50m,
// 10h at the lab clock 2020-05-29T16:00:00Z), in the API server's wire shape.
import type { KubeObject } from '../../src/engine/world/types.ts';

const W1 = 'aro2-p8bjm-worker-northeurope1-qt8l7';
const W3 = 'aro2-p8bjm-worker-northeurope3-wl4vw';

function pod(
  namespace: string,
  name: string,
  created: string,
  ip: string,
  node: string,
  completed: boolean,
  labels: Record<string, string> = {},
): KubeObject {
  const container = name.endsWith('-deploy') ? 'deployment' : name.split('-')[0];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, creationTimestamp: created, labels, uid: `uid-${name}` },
    spec: { containers: [{ name: container, image: 'example/image' }], nodeName: node, restartPolicy: completed ? 'Never' : 'Always' },
    status: {
      phase: completed ? 'Succeeded' : 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: '10.0.2.4',
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: completed ? 'False' : 'True' },
      ],
      containerStatuses: [
        {
          name: container,
          ready: !completed,
          restartCount: 0,
          state: completed
            ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: created, finishedAt: created } }
            : { running: { startedAt: created } },
        },
      ],
    },
  };
}

function service(
  namespace: string,
  name: string,
  created: string,
  type: string,
  clusterIP: string,
  ports: Array<{ port: number; nodePort?: number; name?: string }>,
  lbIngress?: string,
  selector: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, creationTimestamp: created },
    spec: {
      type,
      clusterIP,
      clusterIPs: [clusterIP],
      selector,
      ports: ports.map((p) => ({ ...p, protocol: 'TCP', targetPort: p.port })),
    },
    status: { loadBalancer: lbIngress ? { ingress: [{ ip: lbIngress }] } : {} },
  };
}

function namespace(name: string, created: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: created }, spec: {}, status: { phase: 'Active' } };
}

function project(name: string, created: string, displayName?: string): KubeObject {
  return {
    apiVersion: 'project.openshift.io/v1',
    kind: 'Project',
    metadata: { name, creationTimestamp: created, ...(displayName ? { annotations: { 'openshift.io/display-name': displayName } } : {}) },
    spec: {},
    status: { phase: 'Active' },
  };
}

function node(name: string, ip: string, role: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: '2020-05-29T05:40:00Z',
      labels: { 'kubernetes.io/hostname': name, [`node-role.kubernetes.io/${role}`]: '' },
    },
    spec: {},
    status: {
      addresses: [
        { type: 'Hostname', address: name },
        { type: 'InternalIP', address: ip },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
      nodeInfo: {
        kubeletVersion: 'v1.16.2',
        osImage: 'Red Hat Enterprise Linux CoreOS 43.81.202005200338.0 (Ootpa)',
        kernelVersion: '4.18.0-147.8.1.el8_1.x86_64',
        containerRuntimeVersion: 'cri-o://1.16.6-12.dev.rhaos4.3.git2dd6e1a.el8',
      },
    },
  };
}

export const aro2Objects: KubeObject[] = [
  pod('project1', 'server-1-deploy', '2020-05-29T15:06:00Z', '10.131.0.18', W1, true, { 'openshift.io/deployer-pod-for.name': 'server-1' }),
  pod('project1', 'server-1-ppl25', '2020-05-29T15:06:00Z', '10.129.2.14', W3, false, { app: 'server', deployment: 'server-1' }),
  pod('project1', 'sqlapi-1-8jgx8', '2020-05-29T15:20:00Z', '10.131.0.25', W1, false, { app: 'sqlapi', deployment: 'sqlapi-1' }),
  pod('project1', 'sqlapi-1-deploy', '2020-05-29T15:20:00Z', '10.131.0.21', W1, true, { 'openshift.io/deployer-pod-for.name': 'sqlapi-1' }),
  pod('openshift-ingress', 'router-default-cf4d7b6d5-lcxtl', '2020-05-29T06:00:00Z', '10.129.2.7', W3, false, { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' }),
  pod('openshift-ingress', 'router-default-cf4d7b6d5-xlkxx', '2020-05-29T06:00:00Z', '10.131.0.7', W1, false, { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' }),
  service('project1', 'server', '2020-05-29T15:03:00Z', 'ClusterIP', '172.30.140.86', [{ port: 1433 }], undefined, { app: 'server' }),
  service('project1', 'sqlapi', '2020-05-29T15:17:00Z', 'ClusterIP', '172.30.91.203', [{ port: 8080 }], undefined, { app: 'sqlapi' }),
  service('project1', 'sqlapilb', '2020-05-29T09:10:00Z', 'LoadBalancer', '172.30.222.47', [{ port: 8080, nodePort: 30039 }], '10.0.2.7', { app: 'sqlapi' }),
  service('openshift-ingress', 'router-default', '2020-05-29T06:00:00Z', 'LoadBalancer', '172.30.37.125', [
    { port: 80, nodePort: 30602, name: 'http' },
    { port: 443, nodePort: 31409, name: 'https' },
  ], '192.0.2.80'),
  service('openshift-ingress', 'router-internal-default', '2020-05-29T06:00:00Z', 'ClusterIP', '172.30.118.33', [
    { port: 80, name: 'http' },
    { port: 443, name: 'https' },
    { port: 1936, name: 'metrics' },
  ]),
  {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'sqlapilb', namespace: 'project1', creationTimestamp: '2020-05-29T09:12:00Z' },
    spec: {
      host: 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io',
      port: { targetPort: 8080 },
      to: { kind: 'Service', name: 'sqlapilb', weight: 100 },
      wildcardPolicy: 'None',
    },
    status: {
      ingress: [
        {
          host: 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io',
          routerName: 'default',
          conditions: [{ type: 'Admitted', status: 'True' }],
          wildcardPolicy: 'None',
        },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'sqlapi', namespace: 'project1', creationTimestamp: '2020-05-29T15:17:00Z' },
    subsets: [{ addresses: [{ ip: '10.131.0.25' }], ports: [{ port: 8080, protocol: 'TCP' }] }],
  } as KubeObject,
  namespace('default', '2020-05-29T05:30:00Z'),
  namespace('openshift-ingress', '2020-05-29T05:45:00Z'),
  namespace('project1', '2020-05-29T09:00:00Z'),
  project('default', '2020-05-29T05:30:00Z'),
  project('openshift-ingress', '2020-05-29T05:45:00Z'),
  project('project1', '2020-05-29T09:00:00Z', 'Project One'),
  node('aro2-p8bjm-master-0', '10.0.0.6', 'master'),
  node(W1, '10.0.2.4', 'worker'),
  node(W3, '10.0.2.6', 'worker'),
];

// The API server's table printers (Kubernetes printers.go, openshift-apiserver route/project
// printers), checked against hand-built objects. Each case names the rule it shows.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { podPrinter } from '../../src/engine/format/kube/printers/pods.ts';
import { servicePrinter } from '../../src/engine/format/kube/printers/services.ts';
import { endpointsPrinter } from '../../src/engine/format/kube/printers/endpoints.ts';
import { nodePrinter } from '../../src/engine/format/kube/printers/nodes.ts';
import { routePrinter } from '../../src/engine/format/kube/printers/routes.ts';
import { networkPolicyPrinter } from '../../src/engine/format/kube/printers/networkpolicies.ts';
import { namespacePrinter } from '../../src/engine/format/kube/printers/namespaces.ts';
import { projectPrinter } from '../../src/engine/format/kube/printers/projects.ts';
import { printerFor } from '../../src/engine/format/kube/printers/index.ts';
import {
  deploymentConfigPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
} from '../../src/engine/format/kube/printers/workloads.ts';

const now = new Date('2020-05-29T16:00:00Z');
const wide = { now, wide: true };
const narrow = { now, wide: false };
const created = '2020-05-29T15:06:00Z'; // 54m before the clock

function pod(spec: object, status: object, meta: object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', creationTimestamp: created, ...meta }, spec: spec as never, status: status as never };
}
const one = { containers: [{ name: 'c' }] };
const running = { running: { startedAt: created } };

describe('pods', () => {
  it('READY counts ready running containers; STATUS is the phase for a healthy pod', () => {
    expect(podPrinter.cells(pod(one, { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: running }] }), narrow)).toEqual(
      ['p', '1/1', 'Running', '0', '54m'],
    );
  });
  it('a succeeded pod whose container terminated with reason Completed shows Completed, 0/1', () => {
    const status = { phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };
    expect(podPrinter.cells(pod(one, status), narrow)).toEqual(['p', '0/1', 'Completed', '0', '54m']);
  });
  it('a waiting container gives its reason, and RESTARTS says when the last restart was', () => {
    const status = {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          ready: false,
          restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2020-05-29T15:57:00Z' } },
        },
      ],
    };
    expect(podPrinter.cells(pod(one, status), narrow)).toEqual(['p', '0/1', 'CrashLoopBackOff', '5 (3m ago)', '54m']);
  });
  it('a pending pod without container statuses shows Pending', () => {
    expect(podPrinter.cells(pod(one, { phase: 'Pending' }), narrow)[2]).toBe('Pending');
  });
  it('init containers: Init:i/n while one waits to start, Init:<reason> when one failed', () => {
    const spec = { initContainers: [{ name: 'i' }], containers: [{ name: 'c' }] };
    const waiting = { phase: 'Pending', initContainerStatuses: [{ name: 'i', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] };
    expect(podPrinter.cells(pod(spec, waiting), narrow)[2]).toBe('Init:0/1');
    const failed = { phase: 'Pending', initContainerStatuses: [{ name: 'i', restartCount: 2, state: { terminated: { exitCode: 1, reason: 'Error' } } }] };
    expect(podPrinter.cells(pod(spec, failed), narrow).slice(2, 4)).toEqual(['Init:Error', '2']);
  });
  it('a terminated container without a reason shows its exit code or signal', () => {
    const status = (t: object) => ({ phase: 'Failed', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: t } }] });
    expect(podPrinter.cells(pod(one, status({ exitCode: 137 })), narrow)[2]).toBe('ExitCode:137');
    expect(podPrinter.cells(pod(one, status({ exitCode: 0, signal: 9 })), narrow)[2]).toBe('Signal:9');
  });
  it('"Completed" becomes Running while a ready container still runs, NotReady without the Ready condition', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const statuses = [
      { name: 'a', ready: true, restartCount: 0, state: running },
      { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ];
    expect(podPrinter.cells(pod(spec, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses }), narrow)[2]).toBe(
      'Running',
    );
    expect(podPrinter.cells(pod(spec, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: statuses }), narrow)[2]).toBe(
      'NotReady',
    );
  });
  it('"Completed" gives way to the failure of another container', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const statuses = [
      { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } },
    ];
    expect(podPrinter.cells(pod(spec, { phase: 'Failed', containerStatuses: statuses }), narrow)[2]).toBe('Error');
  });
  it('a pod being deleted shows Terminating unless it already finished', () => {
    const status = { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: running }] };
    expect(podPrinter.cells(pod(one, status, { deletionTimestamp: '2020-05-29T15:59:00Z' }), narrow)[2]).toBe('Terminating');
  });
  it('wide columns: IP (podIPs, else podIP), NODE, <none> for the empty ones, readiness gates true/total', () => {
    const p = pod(
      { ...one, nodeName: 'w1', readinessGates: [{ conditionType: 'x' }, { conditionType: 'y' }] },
      { phase: 'Running', podIP: '10.0.0.9', conditions: [{ type: 'x', status: 'True' }] },
    );
    expect(podPrinter.cells(p, wide).slice(5)).toEqual(['10.0.0.9', 'w1', '<none>', '1/2']);
    expect(podPrinter.cells(pod(one, { phase: 'Pending' }), wide).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});

function svc(spec: object, status: object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns', creationTimestamp: created }, spec: spec as never, status: status as never };
}

describe('services', () => {
  it('ClusterIP: EXTERNAL-IP <none>, PORT(S) port/PROTO', () => {
    expect(servicePrinter.cells(svc({ type: 'ClusterIP', clusterIP: '172.30.0.5', ports: [{ port: 1433, protocol: 'TCP' }] }), narrow)).toEqual(
      ['s', 'ClusterIP', '172.30.0.5', '<none>', '1433/TCP', '54m'],
    );
  });
  it('LoadBalancer: <pending> until the load balancer has an address; node ports in PORT(S)', () => {
    const spec = { type: 'LoadBalancer', clusterIPs: ['172.30.0.6'], ports: [{ port: 80, nodePort: 30602, protocol: 'TCP' }, { port: 443, nodePort: 31409, protocol: 'TCP' }] };
    expect(servicePrinter.cells(svc(spec), narrow).slice(2, 5)).toEqual(['172.30.0.6', '<pending>', '80:30602/TCP,443:31409/TCP']);
    expect(servicePrinter.cells(svc(spec, { loadBalancer: { ingress: [{ ip: '192.0.2.80' }] } }), narrow)[3]).toBe('192.0.2.80');
  });
  it('LoadBalancer addresses form a sorted set (hostname when no IP) followed by spec.externalIPs', () => {
    const spec = { type: 'LoadBalancer', externalIPs: ['1.1.1.1'], ports: [] };
    const status = { loadBalancer: { ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example' }, { ip: '10.0.0.9' }] } };
    expect(servicePrinter.cells(svc(spec, status), wide)[3]).toBe('10.0.0.9,lb.example,1.1.1.1');
  });
  it('clips long load balancer addresses to 16 characters only when not wide (the server always renders wide)', () => {
    const status = { loadBalancer: { ingress: [{ ip: '10.0.0.100' }, { ip: '10.0.0.101' }] } };
    expect(servicePrinter.cells(svc({ type: 'LoadBalancer' }, status), narrow)[3]).toBe('10.0.0.100,10...');
    expect(servicePrinter.cells(svc({ type: 'LoadBalancer' }, status), wide)[3]).toBe('10.0.0.100,10.0.0.101');
  });
  it('ExternalName shows the name, headless shows None, no ports shows <none>, wide adds SELECTOR', () => {
    expect(servicePrinter.cells(svc({ type: 'ExternalName', externalName: 'db.example.com' }), narrow)[3]).toBe('db.example.com');
    const headless = servicePrinter.cells(svc({ type: 'ClusterIP', clusterIP: 'None', selector: { b: '2', a: '1' } }), wide);
    expect([headless[2], headless[4], headless[6]]).toEqual(['None', '<none>', 'a=1,b=2']);
  });
});

describe('endpoints', () => {
  const ep = (subsets: object[]): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e', creationTimestamp: created }, subsets } as KubeObject);
  it('lists ip:port for every address and port, three at most, then " + N more..."', () => {
    const addresses = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => ({ ip }));
    expect(endpointsPrinter.cells(ep([{ addresses, ports: [{ port: 8080 }] }]), narrow)[1]).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
  });
  it('shows <none> without subsets and bare IPs for a subset without ports', () => {
    expect(endpointsPrinter.cells(ep([]), narrow)[1]).toBe('<none>');
    expect(endpointsPrinter.cells(ep([{ addresses: [{ ip: '10.0.0.1' }] }]), narrow)[1]).toBe('10.0.0.1');
  });
});

describe('nodes', () => {
  const node = (labels: Record<string, string>, status: object, spec: object = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', creationTimestamp: '2020-05-29T06:00:00Z', labels },
    spec: spec as never,
    status: status as never,
  });
  const ready = { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.16.2' } };
  it('ROLES: node-role.kubernetes.io/<role> labels, sorted and joined; <none> without', () => {
    expect(nodePrinter.cells(node({ 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '' }, ready), narrow)).toEqual(
      ['n', 'Ready', 'control-plane,master', '10h', 'v1.16.2'],
    );
    expect(nodePrinter.cells(node({ 'kubernetes.io/role': 'infra' }, ready), narrow)[2]).toBe('infra');
    expect(nodePrinter.cells(node({}, ready), narrow)[2]).toBe('<none>');
  });
  it('STATUS from the Ready condition, Unknown without it, plus SchedulingDisabled when cordoned', () => {
    expect(nodePrinter.cells(node({}, { conditions: [{ type: 'Ready', status: 'False' }] }), narrow)[1]).toBe('NotReady');
    expect(nodePrinter.cells(node({}, {}), narrow)[1]).toBe('Unknown');
    expect(nodePrinter.cells(node({}, ready, { unschedulable: true }), narrow)[1]).toBe('Ready,SchedulingDisabled');
  });
  it('wide: INTERNAL-IP, EXTERNAL-IP (<none> on ARO), and <unknown> for missing node info', () => {
    const status = { ...ready, addresses: [{ type: 'InternalIP', address: '10.0.2.4' }] };
    expect(nodePrinter.cells(node({}, status), wide).slice(5)).toEqual(['10.0.2.4', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('routes', () => {
  const route = (spec: object, status: object | undefined): KubeObject => ({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'r', namespace: 'ns', creationTimestamp: created },
    spec: { host: 'r-ns.apps.example.com', to: { kind: 'Service', name: 'svc', weight: 100 }, wildcardPolicy: 'None', ...spec } as never,
    ...(status ? { status: status as never } : {}),
  });
  const admitted = (host: string) => ({ host, conditions: [{ type: 'Admitted', status: 'True' }] });
  it('an admitted route: host, blank PATH, service, target port, no TLS, wildcard None', () => {
    expect(routePrinter.cells(route({ port: { targetPort: 8080 } }, { ingress: [admitted('r-ns.apps.example.com')] }), narrow)).toEqual(
      ['r', 'r-ns.apps.example.com', '', 'svc', '8080', '', 'None'],
    );
  });
  it('HOST/PORT is Pending before a router admits it, the reason when all reject it', () => {
    expect(routePrinter.cells(route({}, { ingress: [] }), narrow)[1]).toBe('Pending');
    const rejected = { ingress: [{ host: 'x', conditions: [{ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' }] }] };
    expect(routePrinter.cells(route({}, rejected), narrow)[1]).toBe('HostAlreadyClaimed');
    expect(routePrinter.cells(route({}, undefined), narrow)[1]).toBe('r-ns.apps.example.com');
  });
  it('more than one admitting router adds "... N more"', () => {
    const two = { ingress: [admitted('r-ns.apps.example.com'), admitted('r-ns.apps.example.com')] };
    expect(routePrinter.cells(route({}, two), narrow)[1]).toBe('r-ns.apps.example.com ... 1 more');
  });
  it('TERMINATION: termination/insecure policy, default/<policy> with only a policy; PORT <all> without a port', () => {
    const c = (tls: object) => routePrinter.cells(route({ tls }, { ingress: [admitted('r-ns.apps.example.com')] }), narrow);
    expect(c({ termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' })[5]).toBe('edge/Redirect');
    expect(c({ termination: 'passthrough' })[5]).toBe('passthrough');
    expect(c({ insecureEdgeTerminationPolicy: 'Allow' })[5]).toBe('default/Allow');
    expect(c({})[4]).toBe('<all>');
  });
  it('SERVICES shows weights only when traffic is split', () => {
    const split = { to: { kind: 'Service', name: 'a', weight: 60 }, alternateBackends: [{ kind: 'Service', name: 'b', weight: 40 }] };
    expect(routePrinter.cells(route(split, { ingress: [] }), narrow)[3]).toBe('a(60%),b(40%)');
  });
});

describe('network policies, namespaces, projects, others', () => {
  const np = (podSelector: object): KubeObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'np', creationTimestamp: created },
    spec: { podSelector } as never,
  });
  it('POD-SELECTOR: <none> for the empty selector, requirements sorted by key', () => {
    expect(networkPolicyPrinter.cells(np({}), narrow)).toEqual(['np', '<none>', '54m']);
    const sel = { matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['b', 'a'] }, { key: 'x', operator: 'DoesNotExist' }] };
    expect(networkPolicyPrinter.cells(np(sel), narrow)[1]).toBe('app in (a,b),tier=web,!x');
  });
  it('namespaces show their phase; projects their display name and phase', () => {
    expect(namespacePrinter.cells({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', creationTimestamp: created }, status: { phase: 'Active' } }, narrow)).toEqual(
      ['n', 'Active', '54m'],
    );
    const project: KubeObject = {
      apiVersion: 'project.openshift.io/v1',
      kind: 'Project',
      metadata: { name: 'p', annotations: { 'openshift.io/display-name': 'My Project' } },
      status: { phase: 'Active' },
    };
    expect(projectPrinter.cells(project, narrow)).toEqual(['p', 'My Project', 'Active']);
  });
  it('a kind without a printer of its own gets NAME and AGE', () => {
    const p = printerFor('example.com', 'Widget');
    expect(p.columns.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});

describe('workload controllers', () => {
  const template = { spec: { containers: [{ name: 'a', image: 'img/a:1' }, { name: 'b', image: 'img/b:2' }] } };
  const obj = (kind: string, spec: object, status: object): KubeObject => ({
    apiVersion: 'v1',
    kind,
    metadata: { name: 'w', namespace: 'ns', creationTimestamp: created },
    spec: spec as never,
    status: status as never,
  });
  it('replication controllers: DESIRED CURRENT READY, wide containers/images joined by commas and the selector', () => {
    const rc = obj('ReplicationController', { replicas: 1, selector: { deploymentconfig: 'sqlapi' }, template }, { replicas: 1, readyReplicas: 1 });
    expect(replicationControllerPrinter.cells(rc, wide)).toEqual(['w', '1', '1', '1', '54m', 'a,b', 'img/a:1,img/b:2', 'deploymentconfig=sqlapi']);
  });
  it('replica sets print their label selector; deployments READY as ready/desired', () => {
    const spec = { replicas: 3, selector: { matchLabels: { app: 'x' } }, template };
    expect(replicaSetPrinter.cells(obj('ReplicaSet', spec, { replicas: 3, readyReplicas: 2 }), wide).slice(1, 4)).toEqual(['3', '3', '2']);
    expect(deploymentPrinter.cells(obj('Deployment', spec, { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }), narrow)).toEqual(
      ['w', '2/3', '3', '2', '54m'],
    );
  });
  it('deployment configs: REVISION, DESIRED, CURRENT and the triggers as a sorted set', () => {
    const dc = obj(
      'DeploymentConfig',
      {
        replicas: 1,
        template: { spec: { containers: [{ name: 'sqlapi' }] } },
        triggers: [
          { type: 'ImageChange', imageChangeParams: { automatic: true, containerNames: ['sqlapi'], from: { kind: 'ImageStreamTag', name: 'sqlapi:latest' } } },
          { type: 'ConfigChange' },
        ],
      },
      { latestVersion: 1, updatedReplicas: 1 },
    );
    expect(deploymentConfigPrinter.cells(dc, narrow)).toEqual(['w', '1', '1', '1', 'config,image(sqlapi:latest)']);
  });
});

// The workload controllers after each change: a deleted pod of a ReplicaSet or a DeploymentConfig's
// ReplicationController comes back under a new name (`<owner>-<5 letters>`), uid and address of
// its node's pod network, Running and Ready at the lab's clock; the endpoints follow it; replicas
// are followed up and down; a Deployment whose template changes rolls out to a new ReplicaSet and
// a DeploymentConfig to `<dc>-<N+1>`; the lab as loaded is what the controllers would keep.
import { describe, expect, it } from 'vitest';
import { reconcileWorkloads } from '../../src/engine/sources/fixture/controllers/workloads.ts';
import { writeContext } from '../../src/engine/sources/fixture/writes/context.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const pods = (lab: LabFile) => lab.kube.filter((o) => o.kind === 'Pod') as Obj[];
const find = (objects: KubeObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as Obj;
const ipToNumber = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);
const inCidr = (ip: string, cidr: string) => {
  const [base, bits] = cidr.split('/');
  return Math.floor(ipToNumber(ip) / 2 ** (32 - Number(bits))) === Math.floor(ipToNumber(base) / 2 ** (32 - Number(bits)));
};

describe.each(builtInLabs())('the workload controllers on %s', (name) => {
  it('change nothing on the lab as loaded: every workload runs the pods it asks for', () => {
    const lab = builtInLab(name);
    const copy = structuredClone(lab);
    reconcileWorkloads(copy, writeContext(lab, 1));
    expect(copy).toEqual(lab);
  });

  it('replace a deleted router pod with a new one on a worker, with an address of that worker\'s pod network no pod had', async () => {
    const lab = builtInLab(name);
    const world = createFixtureWorld(lab);
    const gone = pods(lab).find((p) => p.metadata.namespace === 'openshift-ingress')!;
    const answer = await world.kubeWrite!({ method: 'DELETE', path: `/api/v1/namespaces/openshift-ingress/pods/${gone.metadata.name}`, body: {} });
    expect(answer.status).toBe(200);
    const now = world.changes!.current();
    const routers = pods(now).filter((p) => p.metadata.namespace === 'openshift-ingress');
    const before = pods(lab).filter((p) => p.metadata.namespace === 'openshift-ingress');
    expect(routers).toHaveLength(before.length);
    const fresh = routers.find((p) => !before.some((b) => b.metadata.uid === p.metadata.uid))!;
    const rs = gone.metadata.ownerReferences[0].name;
    expect(fresh.metadata.name).toMatch(new RegExp(`^${rs}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(fresh.metadata.ownerReferences[0]).toMatchObject({ kind: 'ReplicaSet', name: rs, controller: true });
    expect(fresh.metadata.creationTimestamp).toBe(lab.info.clock);
    expect(fresh.status.phase).toBe('Running');
    expect(fresh.status.conditions.find((c: Obj) => c.type === 'Ready').status).toBe('True');
    const node = find(lab.kube, 'Node', fresh.spec.nodeName);
    expect(node.metadata.labels['node-role.kubernetes.io/worker']).toBe('');
    expect(routers.filter((p) => p.spec.nodeName === fresh.spec.nodeName)).toHaveLength(1);
    const cidr = new WorldModel(lab).podNetworkOf(fresh.spec.nodeName)!;
    expect(inCidr(fresh.status.podIP, cidr)).toBe(true);
    expect(pods(lab).map((p) => p.status?.podIP)).not.toContain(fresh.status.podIP);
    expect(fresh.status.hostIP).toBe(node.status.addresses.find((a: Obj) => a.type === 'InternalIP').address);
    // The endpoints follow; the router's events say what happened.
    const s = new Session(world, { tty: false });
    const endpoints = (await s.run('oc get endpoints router-internal-default -n openshift-ingress -o jsonpath={.subsets[0].addresses[*].ip}')).stdout.split(' ');
    expect(endpoints.sort()).toEqual(routers.map((p) => p.status.podIP).sort());
    const events = (await s.run(`oc get events -n openshift-ingress --field-selector involvedObject.name=${fresh.metadata.name} -o jsonpath={.items[*].reason}`)).stdout;
    expect(events.split(' ').sort()).toEqual(['Created', 'Pulled', 'Scheduled', 'Started']);
    const created = (await s.run(`oc get events -n openshift-ingress --field-selector reason=SuccessfulCreate -o jsonpath={.items[*].message}`)).stdout;
    expect(created).toContain(`Created pod: ${fresh.metadata.name}`);
  });
});

describe('replicas, rollouts and DeploymentConfigs', () => {
  it('a DeploymentConfig scaled to 2 runs two sqlapi pods of its replication controller, and its service lists both', async () => {
    const lab = builtInLab('aro2');
    const copy = structuredClone(lab);
    const dc = find(copy.kube, 'DeploymentConfig', 'sqlapi');
    dc.spec.replicas = 2;
    dc.metadata.generation += 1;
    reconcileWorkloads(copy, writeContext(lab, 1));
    const rc = find(copy.kube, 'ReplicationController', 'sqlapi-1');
    expect(rc.spec.replicas).toBe(2);
    expect(rc.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(dc.status).toMatchObject({ replicas: 2, readyReplicas: 2, observedGeneration: dc.metadata.generation, latestVersion: 1 });
    const api = pods(copy).filter((p) => p.metadata.labels?.deploymentconfig === 'sqlapi' && p.status.phase === 'Running');
    expect(api).toHaveLength(2);
    const s = new Session(createFixtureWorld(copy), { tty: false });
    const ips = (await s.run('oc get endpoints sqlapi -n project1 -o jsonpath={.subsets[0].addresses[*].ip}')).stdout.split(' ');
    expect(ips.sort()).toEqual(api.map((p) => p.status.podIP).sort());
    // Back to 1: the newest pod goes, the one of the lab stays.
    dc.spec.replicas = 1;
    reconcileWorkloads(copy, writeContext(copy, 2));
    expect(pods(copy).filter((p) => p.metadata.labels?.deploymentconfig === 'sqlapi' && p.status.phase === 'Running').map((p) => p.metadata.name)).toEqual(['sqlapi-1-8jgx8']);
    expect(copy.past?.map((p) => p.object.metadata.name)).toEqual(api.filter((p) => p.metadata.name !== 'sqlapi-1-8jgx8').map((p) => p.metadata.name));
  });

  it('a DeploymentConfig whose latestVersion is raised (oc rollout latest) rolls out sqlapi-2 and scales sqlapi-1 to 0', () => {
    const lab = builtInLab('aro2');
    const copy = structuredClone(lab);
    const dc = find(copy.kube, 'DeploymentConfig', 'sqlapi');
    dc.status.latestVersion = 2;
    dc.status.details = { message: 'manual change', causes: [{ type: 'Manual' }] };
    reconcileWorkloads(copy, writeContext(lab, 1));
    const rc2 = find(copy.kube, 'ReplicationController', 'sqlapi-2');
    expect(rc2.spec).toMatchObject({ replicas: 1, selector: { deploymentconfig: 'sqlapi', deployment: 'sqlapi-2' } });
    expect(rc2.spec.template.metadata.labels).toEqual({ deployment: 'sqlapi-2', deploymentconfig: 'sqlapi', app: 'sqlapi' });
    expect(rc2.metadata.annotations).toMatchObject({ 'openshift.io/deployment-config.latest-version': '2', 'openshift.io/deployment.phase': 'Complete', 'openshift.io/deployment.status-reason': 'manual change' });
    expect(find(copy.kube, 'ReplicationController', 'sqlapi-1').spec.replicas).toBe(0);
    const running = pods(copy).filter((p) => p.metadata.labels?.deploymentconfig === 'sqlapi' && p.status.phase === 'Running');
    expect(running.map((p) => p.metadata.name)).toEqual([expect.stringMatching(/^sqlapi-2-[bcdfghjklmnpqrstvwxz2456789]{5}$/)]);
    expect(dc.status.conditions.find((c: Obj) => c.type === 'Progressing')).toMatchObject({ reason: 'NewReplicationControllerAvailable', message: 'replication controller "sqlapi-2" successfully rolled out' });
    expect(copy.kube.filter((o: Obj) => o.kind === 'Event' && o.reason === 'DeploymentCreated').map((o: Obj) => o.message)).toContain('Created new replication controller "sqlapi-2" for version 2');
  });

  it('a DeploymentConfig with a ConfigChange trigger rolls out when its template changes', () => {
    const lab = builtInLab('aro2');
    const copy = structuredClone(lab);
    const dc = find(copy.kube, 'DeploymentConfig', 'sqlapi');
    dc.spec.template.spec.containers[0].env = [...(dc.spec.template.spec.containers[0].env ?? []), { name: 'DEBUG', value: '1' }];
    reconcileWorkloads(copy, writeContext(lab, 1));
    expect(dc.status.latestVersion).toBe(2);
    expect(dc.status.details).toEqual({ message: 'config change', causes: [{ type: 'ConfigChange' }] });
    const pod = pods(copy).find((p) => p.metadata.labels?.deployment === 'sqlapi-2')!;
    expect(pod.spec.containers[0].env).toContainEqual({ name: 'DEBUG', value: '1' });
  });

  it('a Deployment restarted (restartedAt in its template) rolls out a new ReplicaSet named by its template hash, the old one scaled to 0', () => {
    const lab = builtInLab('aro-today');
    const copy = structuredClone(lab);
    const d = find(copy.kube, 'Deployment', 'sqlapi');
    d.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': lab.info.clock };
    d.metadata.generation += 1;
    reconcileWorkloads(copy, writeContext(lab, 1));
    const sets = copy.kube.filter((o) => o.kind === 'ReplicaSet' && o.metadata.name.startsWith('sqlapi-')) as Obj[];
    const fresh = sets.find((rs) => rs.metadata.name !== 'sqlapi-7d9c5b8f6')!;
    expect(fresh.metadata.name).toMatch(/^sqlapi-[4-9bcdf]{6,10}$/);
    const hash = fresh.metadata.name.slice('sqlapi-'.length);
    expect(fresh.spec.selector.matchLabels).toEqual({ deployment: 'sqlapi', 'pod-template-hash': hash });
    expect(fresh.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(find(copy.kube, 'ReplicaSet', 'sqlapi-7d9c5b8f6').spec.replicas).toBe(0);
    const running = pods(copy).filter((p) => p.metadata.labels?.deployment === 'sqlapi');
    expect(running.map((p) => p.metadata.labels['pod-template-hash'])).toEqual([hash]);
    const scaling = copy.kube.filter((o: Obj) => o.kind === 'Event' && o.reason === 'ScalingReplicaSet').map((o: Obj) => o.message);
    expect(scaling).toEqual([`Scaled up replica set ${fresh.metadata.name} from 0 to 1`, 'Scaled down replica set sqlapi-7d9c5b8f6 from 1 to 0']);
    expect(d.status).toMatchObject({ observedGeneration: d.metadata.generation, replicas: 1, updatedReplicas: 1 });
  });
});

describe('a DeploymentConfig rolled out again', () => {
  it('runs the new version\'s deployer pod to completion, on the node the last one ran on, with an address of its own', () => {
    const lab = builtInLab('aro2');
    const copy = structuredClone(lab);
    const dc = find(copy.kube, 'DeploymentConfig', 'sqlapi');
    dc.status.latestVersion = 2;
    reconcileWorkloads(copy, writeContext(lab, 1));
    const before = find(lab.kube, 'Pod', 'sqlapi-1-deploy');
    const deployer = find(copy.kube, 'Pod', 'sqlapi-2-deploy');
    expect(deployer.metadata.labels['openshift.io/deployer-pod-for.name']).toBe('sqlapi-2');
    expect(find(copy.kube, 'ReplicationController', 'sqlapi-2').metadata.annotations['openshift.io/deployer-pod.name']).toBe('sqlapi-2-deploy');
    expect(deployer.status.phase).toBe('Succeeded');
    expect(deployer.spec.nodeName).toBe(before.spec.nodeName);
    expect(pods(copy).filter((p) => p !== deployer).map((p) => p.status?.podIP)).not.toContain(deployer.status.podIP);
    expect(deployer.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', startedAt: lab.info.clock });
  });
});

describe('a DaemonSet restarted', () => {
  it('replaces its pod on every node with one of the new template, each on the same node', () => {
    const lab = builtInLab('aro-today');
    const copy = structuredClone(lab);
    const ds = find(copy.kube, 'DaemonSet', 'dns-default');
    ds.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': lab.info.clock };
    reconcileWorkloads(copy, writeContext(lab, 1));
    const before = pods(lab).filter((p) => p.metadata.namespace === 'openshift-dns');
    const after = pods(copy).filter((p) => p.metadata.namespace === 'openshift-dns');
    expect(after.map((p) => p.spec.nodeName).sort()).toEqual(before.map((p) => p.spec.nodeName).sort());
    expect(after.some((p) => before.some((b) => b.metadata.uid === p.metadata.uid))).toBe(false);
    expect(after.every((p) => p.metadata.annotations['kubectl.kubernetes.io/restartedAt'] === lab.info.clock)).toBe(true);
  });
});

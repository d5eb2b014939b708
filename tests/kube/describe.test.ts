// kubectl/oc describe on the lab's fixture API server: the requests kubectl's describers send
// (the events field selector, a node's pods), what the server answers to them, the Events table
// (repeated events, order, other objects' events left out), name prefixes, errors, --show-events,
// oc's route describer, and Go's text/tabwriter with tab padding. The byte-for-byte comparison
// with the real kubectl 1.32 is the conformance corpus (corpus/kubectl-describe.txt).
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { KubeIndex } from '../../src/engine/sources/fixture/kube.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile, World } from '../../src/engine/world/types.ts';
import { goTabwrite, OC_DESCRIBE } from '../../src/engine/commands/kube/describe/tabwriter.ts';
import { describeRoute } from '../../src/engine/commands/kube/describe/route-oc.ts';
import { describeDeploymentConfig } from '../../src/engine/commands/kube/describe/deploymentconfig-oc.ts';
import { describeNamespace } from '../../src/engine/commands/kube/describe/namespace.ts';
import { kubeReadPath } from '../../src/node/live/bridge-paths.ts';

const base = await loadLab({ name: 'aro2' });
const clock = new Date(base.info.clock);
const ago = (seconds: number) => new Date(clock.getTime() - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const pod = base.kube.find((o) => o.kind === 'Pod' && o.metadata.namespace === base.info.session.namespace && (o.status as { phase?: string })?.phase === 'Running')!;

function event(name: string, involved: KubeObject, reason: string, message: string, first: number, last: number, count: number, type = 'Warning'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: involved.metadata.namespace ?? 'default', uid: `uid-${name}` },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: involved.metadata.namespace, uid: involved.metadata.uid, apiVersion: involved.apiVersion },
    reason,
    message,
    type,
    count,
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    source: { component: 'kubelet' },
  } as unknown as KubeObject;
}

/** The lab plus objects, with every request the commands send recorded. */
function labWith(extra: KubeObject[], drop: (o: KubeObject) => boolean = () => false): { world: World; paths: string[] } {
  const lab: LabFile = { ...base, kube: [...base.kube.filter((o) => !drop(o)), ...extra] };
  const inner = createFixtureWorld(lab);
  const paths: string[] = [];
  const world: World = { ...inner, info: inner.info, source: inner.source, arm: (p) => inner.arm(p), kube: (p) => (paths.push(p), inner.kube(p)) } as World;
  return { world, paths };
}

const run = (world: World, line: string) => new Session(world, { tty: false }).run(line);

describe('the requests kubectl describe sends, and the answers', () => {
  it("asks for a pod's events by name, namespace and uid (no kind), sorted by key", async () => {
    const { world, paths } = labWith([]);
    await run(world, `kubectl describe pod ${pod.metadata.name}`);
    const selector = `involvedObject.name=${pod.metadata.name},involvedObject.namespace=${pod.metadata.namespace},involvedObject.uid=${pod.metadata.uid}`;
    expect(paths).toContain(`/api/v1/namespaces/${pod.metadata.namespace}/events?fieldSelector=${encodeURIComponent(selector)}`);
  });

  it('asks for a service\'s events with its kind, and lists a node\'s pods that have not ended', async () => {
    const node = base.kube.find((o) => o.kind === 'Node')!;
    const { world, paths } = labWith([]);
    await run(world, `kubectl describe svc ${base.kube.find((o) => o.kind === 'Service' && o.metadata.namespace === pod.metadata.namespace)!.metadata.name}`);
    expect(paths.some((p) => decodeURIComponent(p).includes('fieldSelector=involvedObject.kind=Service,involvedObject.name='))).toBe(true);
    await run(world, `kubectl describe node ${node.metadata.name}`);
    expect(paths).toContain(`/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node.metadata.name},status.phase!=Succeeded,status.phase!=Failed`)}`);
    // Node events are searched twice: with the node's uid and with its name as uid.
    expect(paths.filter((p) => p.startsWith('/api/v1/events?')).map((p) => new URLSearchParams(p.split('?')[1]).get('fieldSelector'))).toEqual([
      `involvedObject.kind=Node,involvedObject.name=${node.metadata.name},involvedObject.namespace=,involvedObject.uid=${node.metadata.uid}`,
      `involvedObject.kind=Node,involvedObject.name=${node.metadata.name},involvedObject.namespace=,involvedObject.uid=${node.metadata.name}`,
    ]);
  });

  it('selects events by involvedObject fields and pods by node and phase, as the API server does', () => {
    const other = { ...pod, metadata: { ...pod.metadata, uid: 'another-uid' } };
    const mine = event('mine', pod, 'BackOff', 'Back-off restarting failed container', 600, 5, 3);
    const theirs = event('theirs', other, 'BackOff', 'x', 600, 5, 3);
    const index = new KubeIndex([...base.kube.filter((o) => o.kind !== 'Event'), mine, theirs]);
    const selector = `involvedObject.name=${pod.metadata.name},involvedObject.namespace=${pod.metadata.namespace},involvedObject.uid=${pod.metadata.uid}`;
    const answer = index.get(`/api/v1/namespaces/${pod.metadata.namespace}/events?fieldSelector=${encodeURIComponent(selector)}`);
    expect((answer.body as { items: Array<{ metadata: { name: string } }> }).items.map((i) => i.metadata.name)).toEqual(['mine']);
    const node = (pod.spec as { nodeName: string }).nodeName;
    const pods = index.get(`/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node},status.phase!=Succeeded,status.phase!=Failed`)}`);
    const names = (pods.body as { items: Array<{ metadata: { name: string }; status: { phase: string }; spec: { nodeName: string } }> }).items;
    const expected = base.kube.filter((o) => o.kind === 'Pod' && (o.spec as { nodeName?: string }).nodeName === node && !['Succeeded', 'Failed'].includes((o.status as { phase: string }).phase));
    expect(names.map((p) => p.metadata.name).sort()).toEqual(expected.map((p) => p.metadata.name).sort());
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('live mode', () => {
  it('sends only reads the live bridge passes', async () => {
    const { world, paths } = labWith([]);
    const node = base.kube.find((o) => o.kind === 'Node')!;
    for (const line of ['kubectl describe pods', 'kubectl describe svc', 'kubectl describe ep', 'kubectl describe rc', 'kubectl describe route', 'oc describe route', `kubectl describe node ${node.metadata.name}`]) await run(world, line);
    const reads = paths.filter((p) => !p.includes('/resourcequotas') && !p.includes('/limitranges'));
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.some((p) => p.includes('/leases/'))).toBe(true);
    for (const p of reads) expect(() => kubeReadPath(p), p).not.toThrow();
  });
});

describe('replication controllers', () => {
  it("counts the pods it controls by phase, not other controllers' pods its selector also lists", async () => {
    const rc = base.kube.find((o) => o.kind === 'ReplicationController' && ((o.status as { replicas?: number })?.replicas ?? 0) > 0)!;
    const owned = base.kube.filter((o) => o.kind === 'Pod' && ((o.metadata.ownerReferences ?? []) as Array<{ uid?: string }>).some((r) => r.uid === rc.metadata.uid));
    const stranger = { ...owned[0], metadata: { ...owned[0].metadata, name: `${owned[0].metadata.name}-x`, uid: 'x', ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'other', uid: 'other', controller: true }] } } as unknown as KubeObject;
    const { world } = labWith([stranger]);
    const out = (await run(world, `kubectl -n ${rc.metadata.namespace} describe rc ${rc.metadata.name}`)).stdout;
    const running = owned.filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
    expect(out).toContain(`Pods Status:  ${running} Running / 0 Waiting / 0 Succeeded / 0 Failed\n`);
    expect(out).toMatch(/\nPod Template:\n  Labels: /);
  });
});

describe('the Events section', () => {
  it('lists the object\'s events by last time seen, repeated ones as (xN over AGE), and no other object\'s', async () => {
    const other = { ...pod, metadata: { ...pod.metadata, uid: 'another-uid' } };
    const { world } = labWith([
      event('b', pod, 'BackOff', 'Back-off restarting failed container', 1200, 7, 86),
      event('a', pod, 'Pulled', 'Container image already present on machine', 1200, 240, 8, 'Normal'),
      event('c', other, 'Killing', 'an older pod of the same name', 100, 100, 1),
    ], (o) => o.kind === 'Event');
    const result = await run(world, `kubectl describe pod ${pod.metadata.name}`);
    expect(result.stdout.split('Events:\n')[1]).toBe(
      '  Type     Reason   Age                From     Message\n' +
        '  ----     ------   ----               ----     -------\n' +
        '  Normal   Pulled   4m (x8 over 20m)   kubelet  Container image already present on machine\n' +
        '  Warning  BackOff  7s (x86 over 20m)  kubelet  Back-off restarting failed container\n',
    );
  });

  it('says <none> without events and leaves the section out with --show-events=false', async () => {
    const { world } = labWith([], (o) => o.kind === 'Event');
    expect((await run(world, `kubectl describe pod ${pod.metadata.name}`)).stdout).toMatch(/\nEvents:\s+<none>\n$/);
    expect((await run(world, `kubectl describe pod ${pod.metadata.name} --show-events=false`)).stdout).not.toContain('Events:');
  });
});

describe('names, prefixes and errors', () => {
  it('describes every pod whose name starts with a name that is not found, each followed by a newline', async () => {
    const { world } = labWith([]);
    const prefix = pod.metadata.name.split('-')[0];
    const matching = base.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === pod.metadata.namespace && o.metadata.name.startsWith(prefix));
    const result = await run(world, `kubectl describe pod ${prefix}`);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^Name:/gm)?.length).toBe(matching.length);
    expect(result.stdout.endsWith('\n\n')).toBe(true);
  });

  it("prints kubectl's errors and statuses", async () => {
    const { world } = labWith([]);
    expect(await run(world, 'kubectl describe pod zz-nope')).toMatchObject({ status: 1, stdout: '', stderr: 'Error from server (NotFound): pods "zz-nope" not found\n' });
    expect(await run(world, 'kubectl describe')).toMatchObject({ status: 1, stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n' });
    expect(await run(world, 'kubectl describe foo')).toMatchObject({ status: 1, stderr: 'error: the server doesn\'t have a resource type "foo"\n' });
    expect(await run(world, 'kubectl describe pod -l app=zz-nope')).toMatchObject({ status: 0, stdout: '', stderr: `No resources found in ${base.info.session.namespace} namespace.\n` });
    expect(await run(world, 'kubectl describe pods,svc zz')).toMatchObject({ status: 1, stderr: 'error: you may only specify a single resource type\n' });
  });
});

describe("oc's route describer (a golden written from openshift/oc's RouteDescriber: no oc binary runs here)", () => {
  it('prints the host, the router that admitted it, and the endpoints of the target port, tab-padded', () => {
    const route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'web', namespace: 'shop', creationTimestamp: ago(3 * 3600), labels: { app: 'web' }, annotations: {} },
      spec: { host: 'web-shop.apps.example.io', port: { targetPort: 'http' }, to: { kind: 'Service', name: 'web', weight: 100 } },
      status: { ingress: [{ host: 'web-shop.apps.example.io', routerName: 'default', routerCanonicalHostname: 'router-default.apps.example.io', conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: ago(3 * 3600) }] }] },
    } as unknown as KubeObject;
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'shop' }, subsets: [{ addresses: [{ ip: '10.128.2.5' }, { ip: '10.131.0.9' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] }] } as unknown as KubeObject;
    expect(describeRoute(route, new Map([['web', { ep }]]), clock)).toBe(
      'Name:\t\t\tweb\n' +
        'Namespace:\t\tshop\n' +
        'Created:\t\t3 hours ago\n' +
        'Labels:\t\t\tapp=web\n' +
        'Annotations:\t\t<none>\n' +
        'Requested Host:\t\tweb-shop.apps.example.io\n' +
        '\t\t\t   exposed on router default (host router-default.apps.example.io) 3 hours ago\n' +
        'Path:\t\t\t<none>\n' +
        'TLS Termination:\t<none>\n' +
        'Insecure Policy:\t<none>\n' +
        'Endpoint Port:\t\thttp\n' +
        '\n' +
        'Service:\tweb\n' +
        'Weight:\t\t100 (100%)\n' +
        'Endpoints:\t10.128.2.5:8080, 10.131.0.9:8080\n',
    );
  });

  it('names a rejecting router, splits the weight between backends, and shows an endpoints error', () => {
    const route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'ab', namespace: 'shop', creationTimestamp: ago(90), annotations: { description: 'A/B test' } },
      spec: { host: 'ab.apps.example.io', to: { kind: 'Service', name: 'a', weight: 3 }, alternateBackends: [{ kind: 'Service', name: 'b', weight: 1 }, { kind: 'Service', name: 'c', weight: 0 }], tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' } },
      status: { ingress: [{ host: 'ab.apps.example.io', routerName: 'default', conditions: [{ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed', message: 'route x already exposes ab.apps.example.io', lastTransitionTime: ago(30) }] }] },
    } as unknown as KubeObject;
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'a', namespace: 'shop' }, subsets: [{ addresses: [{ ip: '10.128.2.5' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }] } as unknown as KubeObject;
    const empty = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'b', namespace: 'shop' } } as unknown as KubeObject;
    // Without spec.port oc still filters the endpoints' ports by an empty target port (name "", port 0), so none show.
    expect(describeRoute(route, new Map([['a', { ep }], ['b', { ep: empty }], ['c', { error: 'endpoints "c" not found' }]]), clock)).toBe(
      'Name:\t\t\tab\n' +
        'Namespace:\t\tshop\n' +
        'Created:\t\tAbout a minute ago\n' +
        'Labels:\t\t\t<none>\n' +
        'Description:\t\tA/B test\n' +
        'Annotations:\t\t<none>\n' +
        'Requested Host:\t\tab.apps.example.io\n' +
        '\t\t\trejected by router default: HostAlreadyClaimed (30 seconds ago)\n' +
        '\t\t\t  route x already exposes ab.apps.example.io\n' +
        'Path:\t\t\t<none>\n' +
        'TLS Termination:\tedge\n' +
        'Insecure Policy:\tRedirect\n' +
        'Endpoint Port:\t\t<all endpoint ports>\n' +
        '\n' +
        'Service:\ta\n' +
        'Weight:\t\t3 (75%)\n' +
        'Endpoints:\t<none>\n' +
        '\n' +
        'Service:\tb\n' +
        'Weight:\t\t1 (25%)\n' +
        'Endpoints:\t<none>\n' +
        '\n' +
        'Service:\tc\n' +
        'Weight:\t\t0\n' +
        'Endpoints:\t<error: endpoints "c" not found>\n',
    );
  });

  it('is what `oc describe route` runs, while kubectl uses its generic describer', async () => {
    const { world } = labWith([]);
    const route = base.kube.find((o) => o.kind === 'Route')!;
    const oc = await run(world, `oc describe route ${route.metadata.name}`);
    const kubectl = await run(world, `kubectl describe route ${route.metadata.name}`);
    expect(oc.stdout).toMatch(/^Name:\t+/);
    expect(oc.stdout).toContain('Requested Host:');
    expect(kubectl.stdout).toContain('\nSpec:\n');
    expect(kubectl.stdout).not.toContain('Requested Host:');
  });
});

describe("oc's DeploymentConfig describer (a golden written from openshift/oc's deployments.go: no oc binary runs here)", () => {
  const rc = (version: number, replicas: number, created: number, phase: string): KubeObject =>
    ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: `web-${version}`, namespace: 'shop', creationTimestamp: ago(created), labels: { app: 'web', 'openshift.io/deployment-config.name': 'web' }, annotations: { 'openshift.io/deployment-config.name': 'web', 'openshift.io/deployment-config.latest-version': String(version), 'openshift.io/deployment.phase': phase } },
      spec: { replicas, selector: { deployment: `web-${version}`, deploymentconfig: 'web' } },
      status: { replicas },
    }) as unknown as KubeObject;

  it('prints the spec, the pod template, the latest rollout in full, older ones in short, then the last events', () => {
    const dc = {
      apiVersion: 'apps.openshift.io/v1',
      kind: 'DeploymentConfig',
      metadata: { name: 'web', namespace: 'shop', creationTimestamp: ago(7200), labels: { app: 'web' } },
      spec: { replicas: 1, selector: { deploymentconfig: 'web' }, triggers: [{ type: 'ConfigChange' }], strategy: { type: 'Rolling', rollingParams: {} }, template: { metadata: { labels: { deploymentconfig: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:2', env: [{ name: 'DB', value: 'db.example.com' }] }] } } },
      status: { latestVersion: 3 },
    } as unknown as KubeObject;
    const history = [rc(1, 0, 7000, 'Complete'), rc(2, 0, 3600, 'Failed'), rc(3, 1, 600, 'Complete')];
    const pods = new Map([['web-3', [{ status: { phase: 'Running' } }]]]);
    const events = [event('e1', dc, 'DeploymentCreated', 'Created new replication controller "web-3" for version 3', 600, 600, 1, 'Normal')];
    expect(describeDeploymentConfig(dc, history, pods, events, clock)).toBe(
      'Name:\t\tweb\n' +
        'Namespace:\tshop\n' +
        'Created:\t2 hours ago\n' +
        'Labels:\t\tapp=web\n' +
        'Annotations:\t<none>\n' +
        'Latest Version:\t3\n' +
        'Selector:\tdeploymentconfig=web\n' +
        'Replicas:\t1\n' +
        'Triggers:\tConfig\n' +
        'Strategy:\tRolling\n' +
        'Template:\n' +
        'Pod Template:\n' +
        '  Labels:\tdeploymentconfig=web\n' +
        '  Containers:\n' +
        '   web:\n' +
        '    Image:\tweb:2\n' +
        '    Port:\t<none>\n' +
        '    Host Port:\t<none>\n' +
        '    Environment:\n' +
        '      DB:\t\tdb.example.com\n' +
        '    Mounts:\t\t<none>\n' +
        '  Volumes:\t\t<none>\n' +
        '  Node-Selectors:\t<none>\n' +
        '  Tolerations:\t\t<none>\n' +
        '\n' +
        'Deployment #3 (latest):\n' +
        '\tName:\t\tweb-3\n' +
        '\tCreated:\t10 minutes ago\n' +
        '\tStatus:\t\tComplete\n' +
        '\tReplicas:\t1 current / 1 desired\n' +
        '\tSelector:\tdeployment=web-3,deploymentconfig=web\n' +
        '\tLabels:\t\tapp=web,openshift.io/deployment-config.name=web\n' +
        '\tPods Status:\t1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n' +
        'Deployment #2:\n' +
        '\tCreated:\tabout an hour ago\n' +
        '\tStatus:\t\tFailed\n' +
        '\tReplicas:\t0 current / 0 desired\n' +
        'Deployment #1:\n' +
        '\tCreated:\t2 hours ago\n' +
        '\tStatus:\t\tComplete\n' +
        '\tReplicas:\t0 current / 0 desired\n' +
        '\n' +
        'Events:\n' +
        '  Type\t\tReason\t\t\tAge\tFrom\tMessage\n' +
        '  ----\t\t------\t\t\t----\t----\t-------\n' +
        '  Normal\tDeploymentCreated\t10m\tkubelet\tCreated new replication controller "web-3" for version 3\n',
    );
  });
});

describe("Go's text/tabwriter", () => {
  it('pads with tabs to multiples of the tab width, and a line without a tab ends a block', () => {
    expect(goTabwrite('a:\tx\nlonger label:\ty\nplain\nb:\tz\n', OC_DESCRIBE)).toBe('a:\t\tx\nlonger label:\ty\nplain\nb:\tz\n');
    expect(goTabwrite('a:\tx\nlonger label:\ty\nplain\nb:\tz\n')).toBe(`a:${' '.repeat(13)}x\nlonger label:  y\nplain\nb:  z\n`);
  });
});

describe('namespaces', () => {
  it('say there is no quota or limit range where the server serves them, and leave the sections out where it does not', () => {
    const ns = base.kube.find((o) => o.kind === 'Namespace')!;
    expect(describeNamespace(ns, [], [])).toMatch(/\nStatus: +\S+\n\nNo resource quota.\n\nNo LimitRange resource.\n$/);
    expect(describeNamespace(ns, undefined, undefined)).toMatch(/\nStatus: +\S+\n$/);
  });
});

describe('completion', () => {
  it('completes describe as get: types, TYPE/NAME, names of the type in the namespace, and its own flags', async () => {
    const { world } = labWith([]);
    const session = new Session(world, { tty: false });
    const [kubectl] = (await import('../../src/engine/commands/kube/index.ts')).kubeCommands;
    const complete = (line: string) => kubectl.complete!(line.split(' '), session);
    const pods = base.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === session.namespace).map((o) => o.metadata.name);
    const prefix = pod.metadata.name.slice(0, 3);
    expect(await complete(`kubectl describe pod ${prefix}`)).toEqual(pods.filter((n) => n.startsWith(prefix)).sort());
    expect(await complete(`kubectl describe pod/${prefix}`)).toEqual(pods.filter((n) => n.startsWith(prefix)).sort().map((n) => `pod/${n}`));
    expect(await complete('kubectl describe networkp')).toEqual(['networkpolicies']);
    expect(await complete('kubectl describe pod --show-e')).toEqual(['--show-events']);
  });
});

// The workload verbs a reader types, through a lab session, and what the world shows after them.
// oc's own verbs have no reference tool here: their words are openshift/oc's source
// (pkg/cli/rollout/latest.go, expose/expose.go, create/route*.go, set/env.go), their effects read
// back from the world. kubectl's answers are in the kubectl-workloads corpus.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { World } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

function session(name = 'aro2') {
  const world = createFixtureWorld(builtInLab(name));
  const s = new Session(world, { tty: false });
  return { world, run: (line: string) => s.run(line), objects: () => world.changes!.current().kube as Obj[] };
}

const running = (objects: Obj[], label: string, value: string) => objects.filter((o) => o.kind === 'Pod' && o.metadata.labels?.[label] === value && o.status.phase === 'Running');
const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

describe('the sample app after its pods change', () => {
  it('a deleted sqlapi pod comes back with a new name and address; the endpoints and the route follow it', async () => {
    const { run, objects } = session();
    const [before] = running(objects(), 'deploymentconfig', 'sqlapi');
    expect((await run(`oc delete pod ${before.metadata.name}`)).stdout).toBe(`pod "${before.metadata.name}" deleted\n`);
    const [after] = running(objects(), 'deploymentconfig', 'sqlapi');
    expect(after.metadata.name).not.toBe(before.metadata.name);
    expect(after.metadata.name).toMatch(/^sqlapi-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(after.status.podIP).not.toBe(before.status.podIP);
    expect((await run('oc get endpoints sqlapi -o jsonpath={.subsets[0].addresses[*].ip}')).stdout).toBe(after.status.podIP);
    const ip = JSON.parse((await run(`curl -s http://${host}/api/ip`)).stdout);
    expect(ip.my_private_ip).toBe(after.status.podIP);
  });

  it('oc scale dc/sqlapi --replicas=2 runs two pods, and the endpoints list both', async () => {
    const { run, objects } = session();
    expect((await run('oc scale dc/sqlapi --replicas=2')).stdout).toBe('deploymentconfig.apps.openshift.io/sqlapi scaled\n');
    const api = running(objects(), 'deploymentconfig', 'sqlapi');
    expect(api).toHaveLength(2);
    const listed = (await run('oc get endpoints sqlapi -o jsonpath={.subsets[0].addresses[*].ip}')).stdout.split(' ');
    expect(listed.sort()).toEqual(api.map((p) => p.status.podIP).sort());
  });

  it('a deleted router pod is replaced, and your_address is the address of a router pod that runs now', async () => {
    const { run, objects } = session();
    const first = JSON.parse((await run(`curl -s http://${host}/api/ip`)).stdout).your_address;
    const routers = () => running(objects(), 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller', 'default');
    const gone = routers().find((p) => p.status.podIP === first)!;
    expect(gone).toBeDefined();
    await run(`oc delete pod ${gone.metadata.name} -n openshift-ingress`);
    const now = routers().map((p) => p.status.podIP);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(first);
    const second = JSON.parse((await run(`curl -s http://${host}/api/ip`)).stdout).your_address;
    expect(now).toContain(second);
  });
});

describe('oc rollout latest', () => {
  it('rolls out the next version of a DeploymentConfig: its replication controller, pods and history', async () => {
    const { run, objects } = session();
    expect(await run('oc rollout latest dc/sqlapi')).toMatchObject({ stdout: 'deploymentconfig.apps.openshift.io/sqlapi rolled out\n', status: 0 });
    expect(running(objects(), 'deploymentconfig', 'sqlapi').map((p) => p.metadata.labels.deployment)).toEqual(['sqlapi-2']);
    expect((await run('oc rollout history dc/sqlapi')).stdout).toBe('deploymentconfig.apps.openshift.io/sqlapi \nREVISION\tSTATUS\t\tCAUSE\n1\t\tComplete\tconfig change\n2\t\tComplete\tmanual change\n\n');
    expect((await run('oc rollout latest sqlapi')).stdout).toBe('deploymentconfig.apps.openshift.io/sqlapi rolled out\n');
    expect(objects().find((o) => o.kind === 'DeploymentConfig' && o.metadata.name === 'sqlapi')!.status.latestVersion).toBe(3);
  });

  it('answers its errors as oc does', async () => {
    const { run } = session();
    expect(await run('oc rollout latest')).toMatchObject({ stderr: 'error: one deployment config name is needed as argument.\n', status: 1 });
    expect(await run('oc rollout latest dc/nope')).toMatchObject({ stderr: 'Error from server (NotFound): deploymentconfigs.apps.openshift.io "nope" not found\n', status: 1 });
    expect((await run('oc rollout latest deployment/router-default -n openshift-ingress')).stderr).toBe('error: router-default is not a deployment config\n');
    expect((await run('kubectl rollout latest dc/sqlapi')).stderr).toBe('error: unknown command "latest dc/sqlapi"\nSee \'kubectl rollout -h\' for help and examples\n');
  });
});

describe('oc expose and oc create route', () => {
  it('oc expose svc makes a route to it, with its labels and port name, that the router serves', async () => {
    const { run, objects } = session();
    expect((await run('oc expose svc/sqlapi --name api2')).stdout).toBe('route.route.openshift.io/api2 exposed\n');
    const route = objects().find((o) => o.kind === 'Route' && o.metadata.name === 'api2')!;
    const service = objects().find((o) => o.kind === 'Service' && o.metadata.name === 'sqlapi')!;
    expect(route.metadata.labels).toEqual(service.metadata.labels);
    expect(route.spec).toMatchObject({ host: 'api2-project1.apps.m50kgrxk.northeurope.aroapp.io', to: { kind: 'Service', name: 'sqlapi', weight: 100 }, port: { targetPort: service.spec.ports[0].name } });
    expect(JSON.parse((await run('curl -s http://api2-project1.apps.m50kgrxk.northeurope.aroapp.io/api/healthcheck')).stdout)).toEqual({ health: 'OK' });
    expect((await run('oc expose svc sqlapi --type=LoadBalancer')).stderr).toBe('error: cannot use --type when exposing route\n');
  });

  it('oc expose dc makes a service selecting its pods, a LoadBalancer one with --type', async () => {
    const { run, objects } = session();
    expect((await run('oc expose dc/sqlapi --port 8080 --type=LoadBalancer --name lb2')).stdout).toBe('service/lb2 exposed\n');
    const dc = objects().find((o) => o.kind === 'DeploymentConfig' && o.metadata.name === 'sqlapi')!;
    const service = objects().find((o) => o.kind === 'Service' && o.metadata.name === 'lb2')!;
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', selector: dc.spec.selector, ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }] });
    expect(service.metadata.labels).toEqual(dc.metadata.labels);
    expect((await run('kubectl expose dc/sqlapi --port 8080 --name lb3')).stderr).toBe('error: no kind "DeploymentConfig" is registered for version "apps.openshift.io/v1" in scheme "pkg/scheme/scheme.go:28"\n');
  });

  it('oc create route edge|passthrough|reencrypt makes a secured route to the service', async () => {
    const { run, objects } = session();
    expect((await run('oc create route edge --service=sqlapi')).stdout).toBe('route.route.openshift.io/sqlapi created\n');
    expect((await run('oc create route passthrough secure --service=svc/sqlapi --insecure-policy=Redirect')).stdout).toBe('route.route.openshift.io/secure created\n');
    expect((await run('oc create route reencrypt re --service=sqlapi --port 8080 -o name')).stdout).toBe('route.route.openshift.io/re\n');
    const route = (name: string) => objects().find((o) => o.kind === 'Route' && o.metadata.name === name)!;
    expect(route('sqlapi').spec).toMatchObject({ host: 'sqlapi-project1.apps.m50kgrxk.northeurope.aroapp.io', tls: { termination: 'edge' }, port: { targetPort: '8080-tcp' } });
    expect(route('secure').spec.tls).toEqual({ termination: 'passthrough', insecureEdgeTerminationPolicy: 'Redirect' });
    expect(route('re').spec).toMatchObject({ tls: { termination: 'reencrypt' }, port: { targetPort: 8080 } });
    expect((await run('oc create route edge --service=sqlapi')).stderr).toBe('Error from server (AlreadyExists): routes.route.openshift.io "sqlapi" already exists\n');
    expect((await run('oc create route edge x')).stderr).toBe('error: you need to provide a service name via --service\n');
    expect((await run('oc create route edge x --service=nope')).stderr).toBe('error: you need to provide a route port via --port when exposing a non-existent service\n');
    expect((await run('oc create route edge x --service=dc/sqlapi')).stderr).toBe('error: cannot expose deploymentconfigs.apps.openshift.io as routes\n');
  });
});

describe('oc set env', () => {
  it('changes a DeploymentConfig\'s template, which rolls out a version whose pods have the variable', async () => {
    const { run, objects } = session();
    expect((await run('oc set env dc/sqlapi DEBUG=1')).stdout).toBe('deploymentconfig.apps.openshift.io/sqlapi updated\n');
    const [pod] = running(objects(), 'deploymentconfig', 'sqlapi');
    expect(pod.metadata.labels.deployment).toBe('sqlapi-2');
    expect(pod.spec.containers[0].env).toContainEqual({ name: 'DEBUG', value: '1' });
    expect((await run('oc set env dc/sqlapi --list')).stdout).toBe('# deploymentconfigs/sqlapi, container sqlapi\nSQL_SERVER_FQDN=server.project1.svc.cluster.local\nSQL_SERVER_USERNAME=sa\nSQL_SERVER_PASSWORD=Lab-Passw0rd!\nDEBUG=1\n');
    expect((await run('oc set env dc/sqlapi A=1 -c nope')).stderr).toBe('warning: deploymentconfigs/sqlapi does not have any containers matching "nope"\n');
  });
});

describe('in live mode', () => {
  it('every workload verb is refused before it reads anything', async () => {
    const fixture = createFixtureWorld(builtInLab('aro2'));
    const live: World = { info: fixture.info, source: 'live', arm: fixture.arm, kube: fixture.kube, resolve: fixture.resolve, http: fixture.http };
    const s = new Session(live, { tty: false });
    for (const [line, verb] of [['oc scale dc/sqlapi --replicas=2', 'scale'], ['oc rollout latest dc/sqlapi', 'rollout'], ['kubectl rollout restart deploy/x', 'rollout'], ['oc set env dc/sqlapi A=1', 'set'], ['oc expose svc/sqlapi', 'expose'], ['oc create route edge --service=sqlapi', 'create']]) {
      const tool = line.split(' ')[0];
      expect(await s.run(line)).toMatchObject({ stdout: '', stderr: `error: "${tool} ${verb}" would change your cluster or open a session into it, and live mode only reads: ARO Packet Labs runs no such command\n`, status: 1 });
    }
  });
});

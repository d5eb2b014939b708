// Writes through kubectl, then reads: what the reader changed shows in every later command, and a
// NetworkPolicy applied from a here-document stops the app's SQL query as the app fails, until it
// is deleted.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { field } from '../../src/engine/world/json.ts';

const lab = await loadLab({ name: 'aro2' });

async function session() {
  const world = createFixtureWorld(lab);
  const s = new Session(world, { tty: false });
  return { world, run: (line: string) => s.run(line) };
}

const host = String(field(lab.kube.find((o) => o.kind === 'Route' && o.metadata.name === 'sqlapilb')?.spec, 'host'));
const policy = (allowed: string) => `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: sql-ingress
spec:
  podSelector:
    matchLabels:
      app: server
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: ${allowed}
EOF`;

describe('kubectl writes, then reads', () => {
  it('a deleted bare pod is gone from get pods, and the world counts one change', async () => {
    const { world, run } = await session();
    expect((await run('kubectl delete pod sqlapi-1-deploy')).stdout).toBe('pod "sqlapi-1-deploy" deleted\n');
    const pods = await run('kubectl get pods -o name');
    expect(pods.stdout.split('\n')).not.toContain('pod/sqlapi-1-deploy');
    expect(pods.stdout.split('\n')).toContain('pod/sqlapi-1-8jgx8');
    expect(world.changes!.count).toBe(1);
  });

  it("a deleted service's endpoints go with it, the other services' stay", async () => {
    const { run } = await session();
    await run('kubectl delete svc sqlapilb');
    const endpoints = await run('kubectl get endpoints -o name');
    expect(endpoints.stdout).toBe('endpoints/server\nendpoints/sqlapi\n');
  });

  it('a label written by kubectl label selects the object in get -l', async () => {
    const { run } = await session();
    await run('kubectl label svc sqlapi tier=api');
    expect((await run('kubectl get svc -l tier=api -o name')).stdout).toBe('service/sqlapi\n');
  });

  it('a NetworkPolicy that admits another pod to SQL Server stops /api/sqlversion; deleting it brings the answer back', async () => {
    const { run } = await session();
    const before = await run(`curl -s -m 5 http://${host}/api/sqlversion`);
    expect(before.stdout).toContain('Microsoft SQL Server');
    expect((await run(policy('nobody'))).stdout).toBe('networkpolicy.networking.k8s.io/sql-ingress created\n');
    const blocked = await run(`curl -s -m 5 http://${host}/api/sqlversion`);
    expect(blocked.stdout).not.toContain('Microsoft SQL Server');
    expect(blocked.status).not.toBe(0);
    await run('kubectl delete networkpolicy sql-ingress');
    expect((await run(`curl -s -m 5 http://${host}/api/sqlversion`)).stdout).toContain('Microsoft SQL Server');
  });

  it('a NetworkPolicy that admits only the API pod to SQL Server leaves /api/sqlversion answering', async () => {
    const { run } = await session();
    await run(policy('sqlapi'));
    expect((await run(`curl -s -m 5 http://${host}/api/sqlversion`)).stdout).toContain('Microsoft SQL Server');
  });

  it('apply of the same manifest twice is unchanged the second time, and a changed one is configured', async () => {
    const { run } = await session();
    expect((await run(policy('sqlapi'))).stdout).toBe('networkpolicy.networking.k8s.io/sql-ingress created\n');
    expect((await run(policy('sqlapi'))).stdout).toBe('networkpolicy.networking.k8s.io/sql-ingress unchanged\n');
    expect((await run(policy('nobody'))).stdout).toBe('networkpolicy.networking.k8s.io/sql-ingress configured\n');
    expect((await run("kubectl get netpol sql-ingress -o jsonpath='{.spec.ingress[0].from[0].podSelector.matchLabels.app}'")).stdout).toBe('nobody');
  });
});

describe('oc', () => {
  it('prints what kubectl prints for the write verbs', async () => {
    for (const line of ['delete pod sqlapi-1-deploy', 'delete route nope', 'label svc sqlapi tier=api', 'annotate route sqlapilb note=x', `patch svc sqlapi -p '{"metadata":{"labels":{"tier":"api"}}}'`, 'create -f project1/sqlapilb-route.yaml']) {
      const viaKubectl = await (await session()).run(`kubectl ${line}`);
      const viaOc = await (await session()).run(`oc ${line}`);
      expect({ line, stdout: viaOc.stdout, stderr: viaOc.stderr, status: viaOc.status }).toEqual({ line, stdout: viaKubectl.stdout, stderr: viaKubectl.stderr, status: viaKubectl.status });
    }
  });
});

describe('live mode keeps refusing', () => {
  it('a world without writes refuses delete, label, patch, apply and create in the lab read-only words', async () => {
    const world = { ...createFixtureWorld(lab), source: 'live' as const, kubeWrite: undefined };
    const s = new Session(world, { tty: false });
    for (const verb of ['delete pod x', 'label pod x a=b', 'annotate pod x a=b', "patch pod x -p '{}'", 'apply -f -', 'create -f -']) {
      const result = await s.run(`kubectl ${verb}`);
      expect(result.stderr).toBe(`error: "kubectl ${verb.split(' ')[0]}" would change your cluster or open a session into it, and live mode only reads: ARO Packet Labs runs no such command\n`);
      expect(result.status).toBe(1);
    }
  });
});

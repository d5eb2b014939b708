// A name typed into a live command can never reach another resource type: az quotes each name into
// its path segment as az does, and every read of the live world (`aro-labs shell --live`, the
// bridge) passes the bridge's normalise-then-allow-list check before it is sent. The security
// review's reproductions, on the fake cluster with a deployment whose parameters hold a password:
// a name that climbs out with `..` (encoded slashes), a group that cuts the query off with `#`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import type { ArmResource, LabFile } from '../../src/engine/world/types.ts';
import { createLiveWorld } from '../../src/node/live/world.ts';
import { takeSnapshot } from '../../src/node/live/snapshot.ts';
import { liveWorldOn, startFakeCluster, type FakeCluster } from '../helpers/fake-cluster.ts';

const PASSWORD = 'Pl4ntdeployparamXq7w9';

let lab: LabFile;
let fake: FakeCluster;
let subscription: string;
let nodeGroup: string;

beforeAll(async () => {
  const original = await loadLab({ name: 'aro2' });
  lab = structuredClone(original);
  subscription = String(lab.info.account.id);
  const cluster = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters')!;
  nodeGroup = String((cluster.properties?.clusterProfile as { resourceGroupId: string }).resourceGroupId);
  lab.arm.push(
    {
      id: `/subscriptions/${subscription}/resourceGroups/aro2-resources/providers/Microsoft.Resources/deployments/dep1`,
      name: 'dep1',
      type: 'Microsoft.Resources/deployments',
      properties: { provisioningState: 'Succeeded', parameters: { adminPassword: { type: 'String', value: PASSWORD } } },
    } as unknown as ArmResource,
    // A type the terminal never reads but a snapshot keeps (ARO's node group holds a private link service).
    { id: `${nodeGroup}/providers/Microsoft.Network/privateLinkServices/pls`, name: 'pls', type: 'Microsoft.Network/privateLinkServices', location: 'northeurope', properties: { provisioningState: 'Succeeded' } } as unknown as ArmResource,
  );
  fake = await startFakeCluster(lab);
});

afterAll(() => fake.close());

/** Runs lines in a live session on the fake cluster; what reached each API meanwhile. */
async function run(...lines: string[]) {
  const session = new Session(await liveWorldOn(fake, lab), { tty: false });
  const arm = fake.requests.arm.length;
  const kube = fake.requests.kube.length;
  const results = [];
  for (const line of lines) results.push(await session.run(line));
  return { results, arm: fake.requests.arm.slice(arm), kube: fake.requests.kube.slice(kube) };
}

describe('live mode reads only what a name of its type can name', () => {
  it('a load balancer name that climbs to a deployment is refused before it is sent, and no password shows', async () => {
    const { results: [r], arm } = await run('az network lb show -g aro2-resources -n ../../Microsoft.Resources/deployments/dep1 -o json');
    expect(arm).toEqual([]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ERROR: live mode only reads; ARM path ".*loadBalancers\/\.\.%2F\.\.%2FMicrosoft\.Resources%2Fdeployments%2Fdep1" is not a plain read \(an encoded slash\)\n$/);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('a group that ends in # stays one quoted segment: the query (api-version) is not cut off and nothing is sent', async () => {
    const { results: [r], arm } = await run("az network lb show -g 'aro2-resources/providers/Microsoft.Resources/deployments/dep1#' -n x -o json");
    expect(arm).toEqual([]);
    expect(r.stderr).toContain('resourceGroups/aro2-resources%2Fproviders%2FMicrosoft.Resources%2Fdeployments%2Fdep1%23/providers/Microsoft.Network/loadBalancers/x');
    expect(r.stderr).toContain('is not a plain read (an encoded slash)');
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('dot segments are refused for every command that puts a typed name in a path, in each tool\'s voice', async () => {
    const { results, arm, kube } = await run(
      'az network lb show -g aro2-resources -n ..',
      'az group show -n ..',
      'az network vnet subnet show -g aro2-resources --vnet-name aro2-vnet -n ..',
      'az monitor metrics list --resource ../../Microsoft.Resources/deployments/dep1 -g aro2-resources --resource-type Microsoft.Network/loadBalancers --metrics ByteCount',
      'kubectl get pods .. -n project1',
      'kubectl get pods -n ..',
    );
    expect(arm).toEqual([]);
    expect(kube).toEqual([]);
    for (const r of results.slice(0, 4)) expect(r.stderr).toMatch(/^ERROR: live mode only reads; ARM path ".*" is not a plain read \(a dot segment\)\n$/);
    for (const r of results.slice(4)) expect(r.stderr).toMatch(/^error: live mode only reads; Kubernetes path ".*" is not a plain read \(a dot segment\)\n$/);
    for (const r of results) expect(r.status).toBe(1);
  });

  it('a plain name is read as before, quoted as az quotes it', async () => {
    const { results: [r], arm } = await run('az network lb show -g aro2-resources -n aro2-p8bjm-public-lb --query name -o tsv');
    expect(r).toMatchObject({ stdout: 'aro2-p8bjm-public-lb\n', stderr: '', status: 0 });
    expect(arm).toEqual([`/subscriptions/${subscription}/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm-public-lb?api-version=2024-05-01`]);
  });

  it('the live world refuses a path outside the allow-list even when nothing in the engine built it', async () => {
    const world = await liveWorldOn(fake, lab);
    const before = fake.requests.arm.length;
    const answer = await world.arm(`/subscriptions/${subscription}/resourceGroups/aro2-resources/providers/Microsoft.Resources/deployments/dep1`);
    expect(answer.failure).toMatchObject({ kind: 'not-allowed', detail: expect.stringContaining('"Microsoft.Resources/deployments" is not a resource type the terminal reads') });
    expect(fake.requests.arm.slice(before)).toEqual([]);
  });

  it('a snapshot reads the network types a snapshot keeps, but still never a path spelled two ways', async () => {
    const world = await createLiveWorld({ cluster: 'aro2', group: 'aro2', config: fake.config(), kubeConfig: fake.kubeConfig(), reads: 'snapshot' });
    const { lab: snap } = await takeSnapshot(world, { cluster: 'aro2', group: 'aro2', now: new Date('2020-05-29T16:00:00Z') });
    expect(snap.arm.map((r) => r.type)).toContain('Microsoft.Network/privateLinkServices');
    // The terminal's world cannot take it: the private link service is not a type its commands read.
    await expect(takeSnapshot(await liveWorldOn(fake, lab), { cluster: 'aro2', group: 'aro2' })).rejects.toThrow(/privateLinkServices/);
    const before = fake.requests.arm.length;
    const climbing = await world.arm(`${nodeGroup}/providers/Microsoft.Network/privateLinkServices/pls/../../../../Microsoft.Resources/deployments/dep1`);
    expect(climbing.failure).toMatchObject({ kind: 'not-allowed', detail: expect.stringContaining('(a dot segment)') });
    const encoded = await world.arm(`${nodeGroup}/providers/Microsoft.Network/privateLinkServices/%2e%2e`);
    expect(encoded.failure).toMatchObject({ kind: 'not-allowed', detail: expect.stringContaining('(a dot segment)') });
    expect(fake.requests.arm.slice(before)).toEqual([]);
  });
});

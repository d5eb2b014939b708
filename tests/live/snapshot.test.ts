// A snapshot of the reader's cluster is a lab: taken by the CLI from the fake cluster, it loads
// with --lab-file, replays the part 2 transcript exactly as the original world does apart from the
// replaced ids and addresses, holds no secret and no original id, and says what it redacted.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { redactionNote, takeSnapshot } from '../../src/node/live/snapshot.ts';
import { part2Lines, record } from '../transcript/helpers.ts';
import { ROOT } from '../helpers/site.ts';
import { ARM_TOKEN, KUBE_TOKEN, liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(`${ROOT}bin/aro-labs`, args, { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}


describe('aro-labs snapshot', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());
  const dir = await mkdtemp(join(tmpdir(), 'aro-labs-snapshot-'));
  const lines = await part2Lines();

  it('writes a lab file from the CLI that loads with --lab-file, with no secret and no original id in it', async () => {
    const file = join(dir, 'mine.json');
    const taken = await cli(['snapshot', '--cluster', 'aro2', '-g', 'aro2', '--out', file, '--redact-ips', '--name', 'my-cluster'], fake.env());
    expect(taken.stderr).toBe('');
    // Every resource the cluster's groups list (a DNS zone's record sets are not listed), groups
    // included; the region's Network Watcher, in its own group, is not the cluster's.
    const listed = lab.arm.filter((r) => r.id.split('/').length <= 9 && r.id.split('/')[4] !== 'NetworkWatcherRG').length;
    expect(taken.stdout).toMatch(new RegExp(`^Wrote .*mine\\.json: ${listed} Azure resources and \\d+ Kubernetes objects of cluster aro2; 3 ids replaced, \\d+ public IPs remapped to documentation ranges\\.\\n`));
    expect(taken.code).toBe(0);
    const text = await readFile(file, 'utf8');
    // It says how many values it replaced, which kinds and how.
    const redacted = text.split('<redacted>').length - 1;
    expect(taken.stdout.split('\n')[1]).toBe(redactionNote(redacted));
    expect(redactionNote(redacted)).toMatch(/^Secrets: [1-9]\d* values? replaced by <redacted>\. Secret data, and values under secret-looking names and environment variables .* are replaced whole by <redacted>; in any other value only the secret part is: /);
    for (const secret of [ARM_TOKEN, KUBE_TOKEN, 'Lab-Passw0rd!', lab.info.account.id as string, lab.info.account.tenantId as string]) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(text).toContain('"SQL_SERVER_PASSWORD"');
    expect(text).toContain('<redacted>');
    const used = await cli(['exec', '--lab-file', file, 'kubectl get route -o name; az account show --query name -o tsv'], {});
    expect(used).toMatchObject({ code: 0, stdout: 'route.route.openshift.io/sqlapilb\nSnapshot subscription\n' });
  });

  it('replays the part 2 transcript as the original world does, apart from the replaced values', async () => {
    const live = await liveWorldOn(fake, lab);
    const now = new Date('2020-05-29T16:00:00Z');
    const { lab: snap, replacements } = await takeSnapshot(live, { cluster: 'aro2', group: 'aro2', redactIps: true, now });
    expect(replacements.size).toBeGreaterThan(3);
    const frozen = () => now;
    const original = await record(new Session(createFixtureWorld({ ...lab, info: { ...lab.info, resolver: snap.info.resolver } }), { now: frozen }), lines);
    const replayed = await record(new Session(createFixtureWorld(snap), { now: frozen }), lines);
    // The original's record with every replaced id and address swapped for its replacement.
    const keys = [...replacements.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.]/g, '\\.'));
    const expected = original.replace(new RegExp(`(?<![\\d.])(${keys.join('|')})(?![\\d])`, 'gi'), (m) => replacements.get(m) ?? replacements.get(m.toLowerCase()) ?? [...replacements].find(([k]) => k.toLowerCase() === m.toLowerCase())![1]);
    expect(replayed).toBe(expected);
    expect(replayed).not.toBe(original);
  });

  it('keeps the addresses when --redact-ips is not given, and still replaces the ids', async () => {
    const live = await liveWorldOn(fake, lab);
    const { lab: snap, replacements } = await takeSnapshot(live, { cluster: 'aro2', group: 'aro2' });
    expect([...replacements.keys()].some((k) => /^\d+\.\d+\.\d+\.\d+$/.test(k))).toBe(false);
    expect(JSON.stringify(snap)).toContain('198.51.100.24');
    expect(JSON.stringify(snap)).not.toContain(lab.info.account.id as string);
  });

  it('runs exec --live from the CLI against the same cluster', async () => {
    const run = await cli(['exec', '--live', '--cluster', 'aro2', '-g', 'aro2', 'kubectl get route -o name', 'kubectl delete route sqlapilb'], fake.env());
    expect(run.stdout).toBe('route.route.openshift.io/sqlapilb\n');
    expect(run.stderr).toMatch(/^error: "kubectl delete" would change your cluster/);
    expect(run.code).toBe(1);
    const usage = await cli(['exec', '--live', 'true'], fake.env());
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('--live needs the cluster: --cluster NAME -g GROUP') });
    const http = await cli(['exec', '--live', '--cluster', 'aro2', '-g', 'aro2', 'true'], fake.env({ ARO_LABS_ARM_ENDPOINT: 'http://management.example.com' }));
    expect(http).toMatchObject({ code: 1, stderr: 'aro-labs exec: ARO_LABS_ARM_ENDPOINT: plain http is accepted only for loopback addresses; use https for management.example.com\n' });
  });
});

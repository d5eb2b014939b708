// The aro-labs CLI as a reader uses it from a clone: exec, export, labs and lab files.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/aro-labs', import.meta.url));

function aroLabs(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(BIN, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

describe('aro-labs exec', () => {
  it('runs lines in one session so variables persist, and exits with the last status', async () => {
    const r = await aroLabs(['exec', 'x=$(echo hello)', 'echo $x world', 'nope']);
    expect(r.stdout).toBe('hello world\n');
    expect(r.stderr).toBe('bash: nope: command not found\n');
    expect(r.code).toBe(127);
  });

  it('reads lines from standard input when none are given', async () => {
    const r = await aroLabs(['exec'], 'a=1\necho $a\n');
    expect(r).toEqual({ code: 0, stdout: '1\n', stderr: '' });
  });

  it('starts with the variables and project of the chosen lab', async () => {
    const r = await aroLabs(['exec', '--lab', 'aro2', 'echo $cluster_name $rg']);
    expect(r.stdout).toBe('aro2 aro2\n');
  });

  it('names the known labs when asked for an unknown one', async () => {
    const r = await aroLabs(['exec', '--lab', 'nope', 'true']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope/);
    expect(r.stderr).toMatch(/aro2/);
    expect(r.stderr).toMatch(/aro-today/);
  });
});

describe('aro-labs export', () => {
  it('--arm prints every ARM resource as one JSON array in REST wire shape', async () => {
    const r = await aroLabs(['export', '--lab', 'aro2', '--arm']);
    const arm = JSON.parse(r.stdout);
    expect(Array.isArray(arm)).toBe(true);
    for (const resource of arm) expect(Object.keys(resource)).toEqual(expect.arrayContaining(['id', 'name', 'type']));
    expect(arm.filter((x: any) => x.type === 'Microsoft.Network/loadBalancers')).toHaveLength(4);
  });

  it('--k8s prints every Kubernetes object as one v1 List', async () => {
    const r = await aroLabs(['export', '--lab', 'aro2', '--k8s']);
    const list = JSON.parse(r.stdout);
    expect(list.apiVersion).toBe('v1');
    expect(list.kind).toBe('List');
    expect(list.items.some((o: any) => o.kind === 'Route')).toBe(true);
  });

  it('refuses to guess between --arm and --k8s', async () => {
    const r = await aroLabs(['export', '--lab', 'aro2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--arm or --k8s/);
  });
});

describe('lab files', () => {
  it('--lab-file loads a world file of the same format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aro-labs-'));
    const file = join(dir, 'copy.json');
    await writeFile(file, await readFile(new URL('../../labs/aro-today/world.json', import.meta.url)));
    const r = await aroLabs(['exec', '--lab-file', file, 'echo $cluster_name']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe('\n');
  });

  it('a broken lab file fails with the file, the path in it and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aro-labs-'));
    const file = join(dir, 'broken.json');
    const lab = JSON.parse(await readFile(new URL('../../labs/aro2/world.json', import.meta.url), 'utf8'));
    lab.arm[1].name = 42;
    await writeFile(file, JSON.stringify(lab));
    const r = await aroLabs(['exec', '--lab-file', file, 'true']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('arm[1].name');
  });
});

describe('aro-labs labs', () => {
  it('lists the built-in labs', async () => {
    const r = await aroLabs(['labs']);
    expect(r.stdout).toMatch(/^aro-today\s+\S/m);
    expect(r.stdout).toMatch(/^aro2\s+\S/m);
  });
});

describe('aro-labs exercises and check', () => {
  it('exercises --json lists {id, chapter, title} for every chapter', async () => {
    const r = await aroLabs(['exercises', '--lab', 'aro-today', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, string>>;
    expect(Object.keys(list[0]).sort()).toEqual(['chapter', 'id', 'title']);
    const perChapter = new Map<string, number>();
    for (const e of list) perChapter.set(e.chapter, (perChapter.get(e.chapter) ?? 0) + 1);
    expect(perChapter.size).toBe(8);
    for (const count of perChapter.values()) expect(count).toBeGreaterThanOrEqual(3);
  });

  it('exercises prints a table by default', async () => {
    const r = await aroLabs(['exercises']);
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+CHAPTER\s+TITLE$/);
    expect(r.stdout).toContain('egress-ip');
  });

  it("check exits 0 on the world's own answer and 1 with the reason on a wrong one", async () => {
    const egress = (await aroLabs(['exec', '--lab', 'aro-today', 'az network public-ip show -g aro-x7k2p9qa -n demo-4xt7q-pip-v4 --query ipAddress -o tsv'])).stdout.trim();
    const right = await aroLabs(['check', '--lab', 'aro-today', 'egress-ip', egress]);
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/^Right\. /);
    const router = (await aroLabs(['exec', '--lab', 'aro-today', "az aro show -n demo -g demo-rg --query 'ingressProfiles[0].ip' -o tsv"])).stdout.trim();
    const wrong = await aroLabs(['check', '--lab', 'aro-today', 'egress-ip', router]);
    expect(wrong).toEqual({ code: 1, stdout: `${router} is the router's IP: the Internet comes in there, pods do not go out through it.\n`, stderr: '' });
  });

  it('check takes a command for exercises answered by output', async () => {
    const r = await aroLabs(['check', 'pip-names', "az network public-ip list -g $node_rg_name --query '[].name'"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Same values, but quoted or as a JSON array: -o tsv (or jq -r) prints them bare, one per line.\n');
  });

  it('check refuses an unknown id or a missing answer with usage, exit 2', async () => {
    expect((await aroLabs(['check', 'nope', 'x'])).stderr).toMatch(/^aro-labs check: no exercise "nope" in lab aro2/);
    expect((await aroLabs(['check', 'egress-ip'])).code).toBe(2);
  });
});

describe('aro-labs in a pipeline', () => {
  it('ends quietly when the reader closes the pipe early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(BIN, ['exec', 'az network lb list -o json', 'az network lb list -o json', 'az network lb list -o json', 'az network lb list -o json']);
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|at |Error/);
    expect([0, 141]).toContain(code);
  });
});

describe('aro-labs walk', () => {
  it('lists the flows', async () => {
    const r = await aroLabs(['walk', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['ingress', 'egress', 'sql', 'api']);
  });

  it('prints the hops as JSON objects {step, at, src, dst, change, why, proof}', async () => {
    const r = await aroLabs(['walk', '--lab', 'aro-today', 'egress', '--json']);
    expect(r.code).toBe(0);
    const hops = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    for (const hop of hops) expect(Object.keys(hop)).toEqual(['step', 'at', 'src', 'dst', 'change', 'why', 'proof']);
    const egress = (await aroLabs(['exec', '--lab', 'aro-today', 'curl -s http://sqlapi-shop.apps.x7k2p9qa.westeurope.aroapp.io/api/ip | jq -r .my_public_ip'])).stdout.trim();
    expect(hops.at(-1)!.src).toBe(`${egress}:1024`);
  });

  it('prints a table with the reason and proof of each hop', async () => {
    const r = await aroLabs(['walk', 'sql']);
    expect(r.stdout).toMatch(/^sql: App pod → SQL Server through its ClusterIP service\n\nSTEP   AT +SOURCE +DESTINATION +CHANGE\n1 +app pod sqlapi-1-8jgx8 +10\.131\.0\.25:43000 +172\.30\.140\.86:1433 +cluster DNS: /);
    expect(r.stdout).toContain('\n   $ kubectl get endpoints server\n');
  });

  it('refuses an unknown flow with usage, exit 2', async () => {
    const r = await aroLabs(['walk', 'sideways']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('no flow "sideways"; the flows are ingress, egress, sql, api') });
  });
});

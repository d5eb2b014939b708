// `--save FILE` of exec and shell: the world as the session left it, as a lab file that parses as
// one and that `--lab-file FILE` loads again; live mode, which changes nothing, has nothing to save.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLabJson } from '../../src/engine/index.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

const BIN = fileURLToPath(new URL('../../bin/aro-labs', import.meta.url));

function aroLabs(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(BIN, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

const savedFile = async (name: string) => join(await mkdtemp(join(tmpdir(), 'aro-labs-save-')), name);

describe('exec --save', () => {
  it('writes the lab as a valid lab file that --lab-file loads again, with the same world', async () => {
    const file = await savedFile('aro-today.json');
    const r = await aroLabs(['exec', '--lab', 'aro-today', '--save', file, 'lab status']);
    expect(r).toEqual({ code: 0, stdout: 'The lab aro-today is unchanged.\n', stderr: '' });
    const saved = parseLabJson(await readFile(file, 'utf8'), file);
    expect(saved).toEqual(builtInLab('aro-today'));
    const again = await aroLabs(['exec', '--lab-file', file, 'echo $cluster_name', 'oc get pods -n openshift-ingress -o name | wc -l']);
    const original = await aroLabs(['exec', '--lab', 'aro-today', 'echo $cluster_name', 'oc get pods -n openshift-ingress -o name | wc -l']);
    expect(again).toEqual(original);
  });

  it('keeps a change: the saved lab holds the route table az created, as its new starting point', async () => {
    const file = await savedFile('changed.json');
    const made = await aroLabs(['exec', '--lab', 'aro2', '--save', file], 'az network route-table create -g $rg -n rt-saved -o none\n');
    expect(made).toEqual({ code: 0, stdout: '', stderr: '' });
    const saved = parseLabJson(await readFile(file, 'utf8'), file);
    expect(saved.arm.filter((r) => r.type === 'Microsoft.Network/routeTables').map((r) => r.name)).toContain('rt-saved');
    const again = await aroLabs(['exec', '--lab-file', file, 'az network route-table list -g $rg --query "[].name" -o tsv', 'lab status']);
    expect(again).toEqual({ code: 0, stdout: 'rt-saved\nThe lab aro2 is unchanged.\n', stderr: '' });
  });

  it('is refused with --live, before anything runs: live mode only reads', async () => {
    const r = await aroLabs(['exec', '--live', '--cluster', 'c', '-g', 'g', '--save', await savedFile('live.json'), 'true']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aro-labs exec: --save writes a lab changed in this session; --live only reads your cluster, so there is nothing to save\n/);
  });

  it('says where it could not write', async () => {
    const r = await aroLabs(['exec', '--save', '/nonexistent-dir/lab.json', 'true']);
    expect(r).toMatchObject({ code: 1, stderr: 'aro-labs exec: /nonexistent-dir/lab.json: the lab could not be saved (ENOENT)\n' });
  });
});

describe('shell --save', () => {
  it('writes the lab when the input ends, and runs a here-document typed over lines', async () => {
    const file = await savedFile('aro2.json');
    const r = await aroLabs(['shell', '--lab', 'aro2', '--save', file], 'cat <<EOF\n$cluster_name\nEOF\nlab status\n');
    expect(r).toEqual({ code: 0, stdout: 'aro2\nThe lab aro2 is unchanged.\n', stderr: '' });
    expect(parseLabJson(await readFile(file, 'utf8'), file)).toEqual(builtInLab('aro2'));
  });
});

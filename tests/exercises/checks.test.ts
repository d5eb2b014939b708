// How answers are read and judged, apart from any one exercise: canonical forms, feedback that
// names what a wrong value is, output comparison, the terminal's `submit`, and file validation.
import { describe, expect, it } from 'vitest';
import { canonical, listItems, toNumber, unquote } from '../../src/engine/exercises/answers.ts';
import { checkAnswer } from '../../src/engine/exercises/check.ts';
import { identifyAddress } from '../../src/engine/exercises/identify.ts';
import { createDesk } from '../../src/engine/exercises/desk.ts';
import { assertUniqueIds, parseExerciseFile } from '../../src/engine/exercises/schema.ts';
import type { CatalogueEntry } from '../../src/engine/exercises/catalogue.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';

const world = createFixtureWorld(await loadLab({ name: 'aro2' }));

const base = { hints: ['h'], solution: { commands: ['true'], explain: 'Because.' }, chapter: '99-test' };
const valueExercise = (answer: 'ip' | 'name' | 'number' | 'list' | 'text', expect: string, extra: object = {}): CatalogueEntry =>
  ({ ...base, id: `t-${answer}`, title: 'T', task: 'T?', check: { kind: 'value', answer, expect: [expect], ...extra } }) as CatalogueEntry;

describe('answers', () => {
  it('reads quoted, padded, comma-grouped and listed answers the way readers type them', () => {
    expect(unquote(' "aro2" ')).toBe('aro2');
    expect(toNumber('1,024')).toBe(1024);
    expect(toNumber('ten')).toBeUndefined();
    expect(listItems('b, a\n"c" a')).toEqual(['a', 'b', 'c']);
    expect(canonical('name', 'ARO2-P8BJM')).toBe(canonical('name', 'aro2-p8bjm'));
    expect(canonical('text', 'Load   balancer')).toBe('load balancer');
  });
});

describe('value checks', () => {
  const ip = valueExercise('ip', "az aro show -n $cluster_name -g $rg --query apiserverProfile.ip -o tsv");

  it('compare with what the commands print in the world', async () => {
    expect(await checkAnswer(world, ip, '203.0.113.10')).toEqual({ correct: true, message: 'Right. Because.' });
    expect((await checkAnswer(world, ip, "'203.0.113.10'")).correct).toBe(true);
  });

  it('say what a wrong address is in this world', async () => {
    expect((await checkAnswer(world, ip, '10.0.0.6')).message).toBe('10.0.0.6 is the private address of the network interface aro2-p8bjm-master0-nic, not the address asked for.');
    expect((await checkAnswer(world, ip, '172.30.0.10')).message).toBe('172.30.0.10 is the ClusterIP of the service dns-default, not the address asked for.');
    expect((await checkAnswer(world, ip, '10.131.0.25')).message).toBe('10.131.0.25 is the address of the pod sqlapi-1-8jgx8, not the address asked for.');
    expect((await checkAnswer(world, ip, '192.0.2.99')).message).toMatch(/does not appear in this world/);
    expect((await checkAnswer(world, ip, 'api')).message).toMatch(/is not an IPv4 address/);
    expect((await checkAnswer(world, ip, '203.0.113.10:6443')).message).toBe('The address is right; give it alone, without the port :6443.');
  });

  it("name a firewall's public IP as the firewall's, also when the reader's machine leaves through it", async () => {
    const privateLab = await loadLab({ name: 'aro-private' });
    const behindFirewall = createFixtureWorld(privateLab);
    const yours = privateLab.info.client.publicIp;
    const pips = JSON.parse((await new Session(behindFirewall, { tty: false }).run('az network public-ip list -o json')).stdout) as { name: string; ipAddress?: string; ipConfiguration?: { id: string } }[];
    const pip = pips.find((p) => p.ipAddress === yours && /\/azureFirewalls\//i.test(p.ipConfiguration?.id ?? ''));
    expect(pip, 'aro-private: the reader leaves through a firewall').toBeDefined();
    const firewall = pip!.ipConfiguration!.id.split('/')[8];
    const what = await identifyAddress(behindFirewall, yours);
    expect(what).toContain(`the public IP ${pip!.name} of the firewall ${firewall}`);
    expect(what).toContain('your machine');
    expect(what).not.toMatch(/your own public address/);
    // On the Internet, the reader's address is their own.
    expect(await identifyAddress(world, (await loadLab({ name: 'aro2' })).info.client.publicIp)).toBe('your own public address (what the Internet sees of your machine)');
  });

  it('tell too high from too low and name the items that do not belong', async () => {
    const count = valueExercise('number', "az network lb list -g aro2-resources --query 'length(@)' -o tsv");
    expect((await checkAnswer(world, count, '5')).message).toBe('5 is too high.');
    expect((await checkAnswer(world, count, '2')).message).toBe('2 is too low.');
    const list = valueExercise('list', "az network nsg list -g aro2-resources --query '[].name' -o tsv");
    expect((await checkAnswer(world, list, 'aro2-p8bjm-node-nsg, aro2-p8bjm-controlplane-nsg')).correct).toBe(true);
    expect((await checkAnswer(world, list, 'aro2-p8bjm-node-nsg other')).message).toBe('1 of your 2 items is right; "other" does not belong; 1 is missing.');
  });

  it('know the names of the same sort that exist but are not the answer', async () => {
    const name = valueExercise('name', 'echo aro2-p8bjm', { among: ["az network lb list -g aro2-resources --query '[].name' -o tsv"], noun: 'load balancer' });
    expect((await checkAnswer(world, name, 'aro2-p8bjm-internal')).message).toBe('aro2-p8bjm-internal is a load balancer of this world, but not the one asked for.');
    expect((await checkAnswer(world, name, 'aro2-lb')).message).toBe('There is no load balancer called "aro2-lb" in this world: check the spelling against the command\'s output.');
  });

  it('say so when the world cannot answer, rather than blaming the reader', async () => {
    const broken = valueExercise('name', 'az network lb show -g nope -n nope --query name -o tsv');
    expect((await checkAnswer(world, broken, 'x')).message).toMatch(/^This exercise cannot be checked in this world: `az network lb show/);
  });

  it('ask for an answer before judging one', async () => {
    expect(await checkAnswer(world, ip, '   ')).toEqual({ correct: false, message: 'Type an answer first.' });
  });
});

describe('output checks', () => {
  const names: CatalogueEntry = { ...base, id: 't-out', title: 'Names', task: 'T', check: { kind: 'output', reference: ["az network nsg list -g aro2-resources --query '[].name' -o tsv"] } };

  it('pass any command that prints the same, and explain the difference otherwise', async () => {
    expect((await checkAnswer(world, names, "az network nsg list -g aro2-resources -o json | jq -r '.[].name'")).correct).toBe(true);
    expect((await checkAnswer(world, names, "az network nsg list -g aro2-resources --query '[].name' -o tsv | sort -r")).message).toBe('Same lines, in another order: keep the order the tool lists them in.');
    expect((await checkAnswer(world, names, "az network nsg list -g aro2-resources --query '[].name' -o tsv | head -1")).message).toBe('Yours prints 1 line, the reference 2.');
    expect((await checkAnswer(world, names, "az network nsg list -g aro2-resources --query '[].[name,location]' -o tsv")).message).toBe('Line 1 has 2 tab-separated columns, the reference 1.');
    expect((await checkAnswer(world, names, 'az network nsg lst')).message).toMatch(/^Your command failed \(exit status 2\): ERROR: 'lst' is misspelled or not recognized by the system\./);
  });
});

describe('submit in the terminal', () => {
  it('checks an answer, or the previous output for output exercises, and reports each result', async () => {
    const entries: CatalogueEntry[] = [
      valueExercise('ip', "az aro show -n $cluster_name -g $rg --query apiserverProfile.ip -o tsv"),
      { ...base, id: 't-out', title: 'Names', task: 'T', check: { kind: 'output', reference: ["az network nsg list -g aro2-resources --query '[].name' -o tsv"] } },
    ];
    const results: boolean[] = [];
    const session = new Session(world, { tty: false, exercises: createDesk(world, entries, (r) => results.push(r.verdict.correct)) });
    expect(await session.run('submit t-ip 203.0.113.10')).toMatchObject({ status: 0, stdout: 'T: Right. Because.\n' });
    expect((await session.run('submit t-ip 192.0.2.80')).status).toBe(1);
    await session.run("az network nsg list -g aro2-resources --query '[].name' -o tsv");
    expect(await session.run('submit t-out')).toMatchObject({ status: 0 });
    // A submit does not replace the output being checked.
    expect((await session.run('submit t-out')).status).toBe(0);
    // jq colours its output on a terminal; the colours are not part of the answer.
    await session.run("az network nsg list -g aro2-resources -o json | jq '.[].name'");
    expect((await session.run('submit t-out')).stdout).toBe('Names: Same values, but quoted or as a JSON array: -o tsv (or jq -r) prints them bare, one per line.\n');
    expect(results).toEqual([true, false, true, true, false]);
    expect(await session.run('submit nope 1')).toMatchObject({ status: 2, stderr: 'submit: no exercise "nope" (exercises: t-ip t-out)\n' });
    expect(await session.run('submit t-ip')).toMatchObject({ status: 1, stdout: 'T: Give the answer after the id: submit t-ip ANSWER\n' });
  });

  it('says so in a terminal without exercises', async () => {
    expect(await new Session(world).run('submit x 1')).toMatchObject({ status: 2, stderr: 'submit: this terminal has no exercises\n' });
  });
});

describe('exercise files', () => {
  it('name the file, the path and the reason when they are malformed', () => {
    expect(() => parseExerciseFile({ chapter: '04-x', exercises: [{ id: 'Bad Id' }] }, 'labs/exercises/04-x.json')).toThrow(/^labs\/exercises\/04-x\.json: exercises\.0\.id: ids are lower-case words joined by dashes$/);
    expect(() => parseExerciseFile({ chapter: 'x', exercises: [] }, 'f.json')).toThrow(/^f\.json: chapter: a chapter slug/);
  });

  it('refuse an id used twice, because progress is saved by id', () => {
    const file = (chapter: string) => ({ chapter, exercises: [{ id: 'same' }] }) as never;
    expect(() => assertUniqueIds([file('01-a'), file('02-b')])).toThrow('exercise id "same" is used in 01-a and 02-b');
  });
});

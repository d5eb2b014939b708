// az's output is a view of what it read, shaped as it is read: it must equal, key for key and in
// order, the output shaped whole (every `properties` lifted, `resourceGroup` added), while a query
// or a table reads only the parts it prints.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { addResourceGroup, shapeOutput } from '../../src/engine/commands/az/shape.ts';
import { isPyContainer } from '../../src/engine/format/knack/python.ts';
import { MAX_DEPTH } from '../../src/engine/format/knack/printer.ts';
import type { ArmResource, JsonObject, LabFile } from '../../src/engine/world/types.ts';

/** The output shaped whole, as az's transforms do it: the oracle the view must equal. */
function shapedWhole(value: unknown, lift: boolean): unknown {
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(copy);
    if (!isPyContainer(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      if (lift && key === 'properties' && isPyContainer(inner) && !Array.isArray(inner)) {
        for (const [pk, pv] of Object.entries(inner)) out[pk] = copy(pv);
      } else out[key] = copy(inner);
    }
    return out;
  };
  const whole = copy(value);
  addResourceGroup(whole);
  return whole;
}

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
/** What az's transforms have to get right: a lifted key named like its parent's, a resource group
 * key in another case, a `sourceVault` (az adds no group below it), ids that are not ARM's. */
const AWKWARD = [
  { id: `${SUBSCRIPTION}/resourceGroups/rg-a/providers/P.N/t/x`, name: 'top', properties: { name: 'lifted', id: `${SUBSCRIPTION}/resourceGroups/rg-b/providers/P.N/t/y`, nested: { id: `${SUBSCRIPTION}/resourceGroups/rg-c/providers/P.N/t/z` } }, tail: 1 },
  { id: `${SUBSCRIPTION}/resourceGroups/rg-a/providers/P.N/t/x`, properties: { ResourceGroup: 'given' } },
  { id: `${SUBSCRIPTION}/resourcegroups/rg-a/providers/P.N/t/x`, properties: { sourceVault: { id: `${SUBSCRIPTION}/resourceGroups/rg-v/providers/P.N/t/v`, inner: { id: `${SUBSCRIPTION}/resourceGroups/rg-w/providers/P.N/t/w` } } } },
  { id: 7, properties: [{ properties: { id: `${SUBSCRIPTION}/resourceGroups/rg-a/providers/P.N/t/x` } }], '3': 'number-like key', '1': null },
  [[{ properties: { a: { properties: { b: 1 } } } }], null, 'text', 2.5],
];

const labNames = ['aro2', 'aro-today'];

describe('az output shaped as it is read', () => {
  it.each(labNames.flatMap((lab) => (['aaz', 'plain'] as const).map((shape) => [lab, shape] as const)))(
    'every ARM resource of %s, and all of them as one list, shaped for %s commands equals the output shaped whole',
    async (lab, shape) => {
      const resources = (await loadLab({ name: lab })).arm;
      for (const r of [...resources, resources]) {
        expect(JSON.stringify(shapeOutput(r, shape))).toBe(JSON.stringify(shapedWhole(r, shape !== 'plain')));
      }
    },
  );

  it.each(AWKWARD.map((value, i) => [i, value] as const))('awkward value %i shaped as read equals it shaped whole, for both kinds of command', (_i, value) => {
    for (const shape of ['aaz', 'plain'] as const) {
      expect(JSON.stringify(shapeOutput(value, shape))).toBe(JSON.stringify(shapedWhole(value, shape !== 'plain')));
    }
  });

  it('dicts of one shape share their getters, so V8 gives them one hidden class rather than one each', () => {
    const [a, b] = shapeOutput([{ properties: { rules: [1] } }, { properties: { rules: [2] } }], 'aaz') as object[];
    expect(Object.getOwnPropertyDescriptor(a, 'rules')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(a, 'rules')?.get).toBe(Object.getOwnPropertyDescriptor(b, 'rules')?.get);
    expect([(a as { rules: unknown }).rules, (b as { rules: unknown }).rules]).toEqual([[1], [2]]);
  });

  it('a nested value is shaped once: reading it twice gives the same object', () => {
    const shaped = shapeOutput({ properties: { rules: [{ name: 'a' }] } }, 'aaz') as { rules: unknown };
    expect(shaped.rules).toBe(shaped.rules);
  });
});

/** A lab whose first load balancer with rules reports every read inside its rules (the id of
 * the frontend each rule names). */
async function watchedLab(): Promise<{ lab: LabFile; group: string; reads: () => number }> {
  const lab = await loadLab({ name: 'aro2' });
  const lb = lab.arm.find((r) => r.type === 'Microsoft.Network/loadBalancers' && ((r.properties?.loadBalancingRules as unknown[]) ?? []).length > 0) as ArmResource;
  let reads = 0;
  for (const rule of lb.properties!.loadBalancingRules as Array<{ properties: { frontendIPConfiguration: { id: string } } }>) {
    const frontend = rule.properties.frontendIPConfiguration;
    const id = frontend.id;
    Object.defineProperty(frontend, 'id', {
      enumerable: true,
      get: () => {
        reads += 1;
        return id;
      },
    });
  }
  return { lab, group: lb.id.split('/')[4], reads: () => reads };
}

describe('az reads only what it prints', () => {
  it('a query for names reads nothing inside the load balancers\' rules', async () => {
    const { lab, group, reads } = await watchedLab();
    const session = new Session(createFixtureWorld(lab), { tty: false });
    const names = await session.run(`az network lb list -g ${group} --query '[].name' -o tsv`);
    expect(names.status).toBe(0);
    expect(names.stdout).not.toBe('');
    expect(reads()).toBe(0);
  });

  it('the table of load balancers (their scalar fields) reads nothing inside their rules', async () => {
    const { lab, group, reads } = await watchedLab();
    const session = new Session(createFixtureWorld(lab), { tty: false });
    const table = await session.run(`az network lb list -g ${group} -o table`);
    expect(table.status).toBe(0);
    expect(reads()).toBe(0);
  });

  it('printing them whole reads the rules (the watch above sees reads)', async () => {
    const { lab, group, reads } = await watchedLab();
    const session = new Session(createFixtureWorld(lab), { tty: false });
    const json = await session.run(`az network lb list -g ${group} -o json`);
    expect(json.stdout).toContain('"loadBalancingRules"');
    expect(reads()).toBeGreaterThan(0);
  });
});

describe('a value nested deeper than az\'s printers go', () => {
  async function deepSession(): Promise<{ session: Session; group: string; name: string }> {
    const lab = await loadLab({ name: 'aro2' });
    const lb = lab.arm.find((r) => r.type === 'Microsoft.Network/loadBalancers') as ArmResource;
    let deep: JsonObject = { end: true };
    for (let i = 0; i < MAX_DEPTH + 50; i++) deep = { a: deep };
    lb.properties = { ...lb.properties, deep };
    return { session: new Session(createFixtureWorld(lab), { tty: false }), group: lb.id.split('/')[4], name: lb.name };
  }

  it.each(['json', 'yaml'])('stops with the lab\'s depth limit and prints nothing when -o %s reaches it', async (output) => {
    const { session, group, name } = await deepSession();
    const r = await session.run(`az network lb show -g ${group} -n ${name} -o ${output}`);
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: '', stderr: `ERROR: the lab prints values nested at most ${MAX_DEPTH} levels deep\n`, status: 1 });
  });

  it('stops the same way when a query reaches it', async () => {
    const { session, group, name } = await deepSession();
    const r = await session.run(`az network lb show -g ${group} -n ${name} --query 'deep${'.a'.repeat(MAX_DEPTH + 10)}'`);
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: '', stderr: `ERROR: the lab prints values nested at most ${MAX_DEPTH} levels deep\n`, status: 1 });
  });

  it('does not stop a query that prints the shallow parts', async () => {
    const { session, group, name } = await deepSession();
    const r = await session.run(`az network lb show -g ${group} -n ${name} --query name -o tsv`);
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: `${name}\n`, stderr: '', status: 0 });
  });

  it('does not stop tsv, which prints no nested dict', async () => {
    const { session, group, name } = await deepSession();
    const r = await session.run(`az network lb show -g ${group} -n ${name} -o tsv`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`\t${name}\t`);
  });
});

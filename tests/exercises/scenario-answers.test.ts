// What the scenarios' exercises say to the answers a reader gives on the way to the cause, and the path their
// solutions take through the terminal.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { loadCatalogue } from '../../src/node/exercises.ts';
import { checkAnswer } from '../../src/engine/exercises/check.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';

const entries = await loadCatalogue();

// An exercise that asks for a label's value, answered with the whole label (KEY=VALUE) as `oc describe
// networkpolicy` prints it, says that the pods are the right ones and that the value alone is asked for.
describe('sql-networkpolicy: who may connect', async () => {
  const lab = await loadLab({ name: 'sql-networkpolicy' });
  const world = createFixtureWorld(lab);
  const exercise = entries.find((e) => e.id === 'netpol-allowed')!;
  const policy = lab.kube.find((o) => o.kind === 'NetworkPolicy')!;
  const allowed = (policy.spec as any).ingress[0].from[0].podSelector.matchLabels as Record<string, string>;

  it('takes the value of the allowed pods\' app label', async () => {
    expect((await checkAnswer(world, exercise, allowed.app)).correct).toBe(true);
  });

  it('answers the whole label, KEY=VALUE, with "the value alone"', async () => {
    for (const answer of [`app=${allowed.app}`, `"app=${allowed.app}"`]) {
      const verdict = await checkAnswer(world, exercise, answer);
      expect(verdict.correct).toBe(false);
      expect(verdict.message).toContain('give its value alone');
    }
  });
});

// The router's log says HAProxy cannot load its default certificate; the pod's description says where that
// certificate comes from: the volume default-certificate, made from the Secret the cause exercise asks for.
describe('router-down: from the log to the Secret through the pod', async () => {
  const lab = await loadLab({ name: 'router-down' });
  const world = createFixtureWorld(lab);
  const exercise = entries.find((e) => e.id === 'router-down-cause')!;
  const ic = lab.kube.find((o) => o.kind === 'IngressController' && o.metadata.name === 'default')!;
  const secret = (ic.spec as any).defaultCertificate.name as string;

  it("the solution shows the Secret as the SecretName of the pod's default-certificate volume", async () => {
    const session = new Session(world, { tty: false });
    const shown: string[] = [];
    for (const line of exercise.solution.commands) {
      if (!/^oc describe\b|^kubectl describe\b/.test(line)) continue;
      const out = (await session.run(line)).stdout;
      const volume = /^ {2}default-certificate:\n(?: {4}.*\n)*? {4}SecretName: +(\S+)$/m.exec(out);
      if (volume) shown.push(volume[1]);
    }
    expect(shown).toEqual([secret]);
    expect((await checkAnswer(world, exercise, secret)).correct).toBe(true);
  });
});

// Where the replies go is Network Watcher's question: the cause exercise's solution asks it for a packet from a
// router's node to an Internet address, and its next hop is the answer the exercise takes, the appliance of the
// worker subnet's route table.
describe('firewall-egress: Network Watcher names the reply\'s next hop', async () => {
  const lab = await loadLab({ name: 'firewall-egress' });
  const world = createFixtureWorld(lab);
  const exercise = entries.find((e) => e.id === 'firewall-reply-next-hop')!;

  it('the solution runs show-next-hop, whose answer is the VirtualAppliance the exercise accepts', async () => {
    const session = new Session(world, { tty: false });
    for (const line of exercise.setup ?? []) expect((await session.run(line)).status).toBe(0);
    const hops: Array<{ nextHopType: string; nextHopIpAddress?: string; routeTableId?: string }> = [];
    for (const line of exercise.solution.commands) {
      const result = await session.run(line);
      expect(result.status, `${line}: ${result.stderr}`).toBe(0);
      if (/^az network watcher show-next-hop /.test(line)) hops.push(JSON.parse(result.stdout));
    }
    expect(hops.length).toBe(1);
    expect(hops[0].nextHopType).toBe('VirtualAppliance');
    const table = lab.arm.find((r) => r.id.toLowerCase() === hops[0].routeTableId?.toLowerCase());
    const route = ((table?.properties as any)?.routes ?? []).find((r: any) => r.properties.addressPrefix === '0.0.0.0/0');
    expect(hops[0].nextHopIpAddress).toBe(route.properties.nextHopIpAddress);
    expect((await checkAnswer(world, exercise, hops[0].nextHopIpAddress!)).correct).toBe(true);
  });
});

// Every hop's proof is a command that works on its lab and shows that hop: on every built-in lab (a
// fault scenario may break the route the app's proofs go through), each proof of each walk runs in a
// fresh session with status 0 and
// nothing on standard error (no error, no deprecation warning), no two hops of a walk prove themselves
// with the same command, the ClusterIP hop reads endpoints the way the lab's API server serves them,
// and the labs whose pods leave through a firewall (scenarios included), and only those, have a
// firewall hop, which shows the firewall's own public address.
import { describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { KubeIndex } from '../../src/engine/sources/fixture/kube.ts';
import { Session } from '../../src/engine/session.ts';
import { FLOWS, walk } from '../../src/engine/walk/walk.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLabs } from '../helpers/built-in-labs.ts';

async function run(lab: LabFile, line: string) {
  return new Session(createFixtureWorld(lab), { tty: false }).run(line);
}

/** The labs, scenarios included, whose app pods leave for the Internet through a firewall. */
const FIREWALLED = ['aro-private', 'firewall-egress'];

describe.each(builtInLabs())('walk proofs on %s', async (name) => {
  const lab = await loadLab({ name });

  it.each(FLOWS.map((f) => f.name))('%s: every proof runs in a fresh session, cleanly, and no two hops share one', async (flow) => {
    const result = walk(lab, flow);
    for (const hop of result.hops) {
      const r = await run(lab, hop.proof);
      expect({ step: hop.step, proof: hop.proof, status: r.status, stderr: r.stderr }).toEqual({ step: hop.step, proof: hop.proof, status: 0, stderr: '' });
    }
    const proofs = result.hops.map((h) => h.proof);
    expect(new Set(proofs).size, proofs.join('\n')).toBe(proofs.length);
  });

  it('reads the ClusterIP hop\'s endpoints as EndpointSlices where the API server serves them, else as Endpoints', async () => {
    const result = walk(lab, 'sql');
    const hop = result.hops.find((h) => h.change.startsWith('DNAT '));
    if (!hop) throw new Error(`the sql walk on ${name} has no ClusterIP hop`);
    const service = lab.kube.find((o) => o.kind === 'Service' && (o.spec as { clusterIP?: string }).clusterIP === result.hops[0].dst.split(':')[0])!;
    const slices = new KubeIndex(lab.kube).served.some((r) => r.plural === 'endpointslices');
    expect(hop.proof).toBe(slices ? `kubectl get endpointslices -l kubernetes.io/service-name=${service.metadata.name}` : `kubectl get endpoints ${service.metadata.name}`);
    const backend = hop.dst.split(':')[0];
    expect((await run(lab, hop.proof)).stdout).toContain(backend);
  });

});

describe.each((await listLabs()).map((l) => l.name).filter((n) => !builtInLabs().includes(n)))('walk proofs on the scenario %s', async (name) => {
  const lab = await loadLab({ name });

  // A fault may stop the route from answering: the proofs then read the world another way.
  it.each(FLOWS.map((f) => f.name))('%s: every proof of the hops the packet makes runs in a fresh session, cleanly', async (flow) => {
    const result = walk(lab, flow);
    for (const hop of result.hops) {
      const r = await run(lab, hop.proof);
      expect({ step: hop.step, proof: hop.proof, status: r.status, stderr: r.stderr }).toEqual({ step: hop.step, proof: hop.proof, status: 0, stderr: '' });
    }
  });
});

describe.each((await listLabs()).map((l) => l.name))('the firewall hop on %s', async (name) => {
  const lab = await loadLab({ name });

  it('shows, at a firewall hop, the firewall\'s own public address', async () => {
    const hop = walk(lab, 'egress').hops.find((h) => h.at.startsWith('firewall '));
    expect(hop !== undefined, 'a firewall hop').toBe(FIREWALLED.includes(name));
    if (!hop) return;
    const shown = await run(lab, hop.proof);
    expect(shown.status).toBe(0);
    expect(shown.stdout.trim()).toBe(hop.src.split(':')[0]);
  });
});

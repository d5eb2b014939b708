// Live mode prints what fixture mode prints: the whole part 2 transcript, run against fake ARM,
// Kubernetes, DNS and app servers on loopback that serve the aro2 world, is byte-for-byte the
// fixture's record (the DNS server nslookup names is the only fact that differs, and both name it).
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { part2Lines, record } from '../transcript/helpers.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';


describe('part 2 transcript in live mode', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());
  const lines = await part2Lines();
  const frozen = () => new Date(lab.info.clock);

  it('prints byte-for-byte what the fixture prints', async () => {
    const live = await liveWorldOn(fake, lab);
    const fixture = createFixtureWorld({ ...lab, info: { ...lab.info, resolver: live.info.resolver } });
    const expected = await record(new Session(fixture, { now: frozen }), lines);
    const actual = await record(new Session(live, { now: frozen }), lines);
    expect(actual).toBe(expected);
    expect(expected).not.toMatch(/\[exit [1-9]/);
    // It really went over the network.
    // (A load balancer's rules, probes and outbound rules are read from the load balancer, once while the cache holds.)
    expect(fake.requests.arm.length).toBeGreaterThan(3);
    expect(fake.requests.arm.some((p) => /\/providers\/Microsoft\.Network\/loadBalancers\/[^/?]+\?/i.test(p))).toBe(true);
    expect(fake.requests.kube.length).toBeGreaterThan(3);
    expect(fake.requests.dns).toContain('sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io');
    expect(fake.requests.app.some((r) => r.endsWith('/api/sqlsrcip'))).toBe(true);
  });

  it('reads each ARM path once per session while the cache holds', async () => {
    const live = await liveWorldOn(fake, lab);
    const session = new Session(live, { now: frozen });
    for (const line of lines) await session.run(line);
    const first = live.calls();
    for (const line of lines) await session.run(line);
    expect(live.calls().arm).toBe(first.arm);
    expect(live.calls().kube).toBe(first.kube);
    const refreshed = await session.run('refresh');
    expect(refreshed.stdout).toMatch(/^Forgot \d+ kept reads; the next commands read Azure and the cluster again\.\n$/);
    await session.run('az network lb list -g aro2-resources -o table');
    expect(live.calls().arm).toBe(first.arm + 1);
  });
});

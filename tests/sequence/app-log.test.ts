// The app's log of the reader's requests is written when the app answers, by the pod that answered:
// deleting that pod afterwards (the route then reaches another) does not move the request into the
// other pod's log.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { isPod } from '../../src/engine/world/schema/kube.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

describe("the app's log of the reader's requests", () => {
  it('is the log of the pod that answered, with the address it saw, and not the log of the pod that serves the route after it is deleted', async () => {
    // aro2 with a second pod of the app (sorting after the first): the router sends the route to
    // the first; once it is deleted, to the second.
    const lab = structuredClone(builtInLab('aro2'));
    const first = lab.kube.filter(isPod).find((p) => p.metadata.name === 'sqlapi-1-8jgx8')!;
    const second = structuredClone(first);
    second.metadata.name = 'sqlapi-1-z9x8w';
    second.metadata.uid = '00000000-0000-4000-8000-000000000001';
    second.status!.podIP = '10.129.2.40';
    lab.kube.push(second);
    const world = createFixtureWorld(lab);
    const session = new Session(world);
    const host = lab.kube.find((o) => o.kind === 'Route' && o.metadata.name === 'sqlapilb')!.spec!.host;
    const seen = JSON.parse((await session.run(`curl -s http://${host}/api/ip`)).stdout);
    expect(seen.my_private_ip).toBe(first.status!.podIP);
    const access = `${seen.your_address} - - [29/May/2020 16:00:00] "GET /api/ip HTTP/1.1" 200 -`;
    expect((await session.run(`oc logs ${first.metadata.name} --tail=1`)).stdout).toBe(`${access}\n`);
    expect((await world.kubeWrite!({ method: 'DELETE', path: `/api/v1/namespaces/project1/pods/${first.metadata.name}` })).status).toBe(200);
    // The route now reaches the second pod, whose log never had the request the first answered.
    expect(JSON.parse((await session.run(`curl -s http://${host}/api/healthcheck`)).stdout)).toEqual({ health: 'OK' });
    const log = (await session.run(`oc logs ${second.metadata.name}`)).stdout;
    // (The steady load's lines are on their own grid, never at the clock's second.)
    expect(log).not.toContain('[29/May/2020 16:00:00] "GET /api/ip HTTP/1.1"');
    expect(log).toContain(`${seen.your_address} - - [29/May/2020 16:00:00] "GET /api/healthcheck HTTP/1.1" 200 -`);
  });
});

// A reader inside a VNet peered with a private cluster's (info.client.privateIp) reaches the
// router's private frontend, and the app sees that private address in X-Forwarded-For; the same
// frontend from the Internet, or over a peering that is not connected, does not answer.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { isPrivateIp } from '../../src/engine/model/addresses.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

const run = async (lab: LabFile, line: string) => {
  const { status, stdout, stderr } = await new Session(createFixtureWorld(lab)).run(line);
  return { status, stdout, stderr };
};

// The labs whose router answers on a private address.
const privateLabs = builtInLabs().filter((name) => {
  const ip = new WorldModel(builtInLab(name)).routerIp();
  return ip !== undefined && isPrivateIp(ip);
});

describe('a private router frontend', () => {
  it('is the private cluster lab\'s', () => {
    expect(privateLabs).toEqual(['aro-private']);
  });

  describe.each(privateLabs)('on %s', (name) => {
    const lab = builtInLab(name);
    const host = (lab.kube.find((o) => o.kind === 'Route')!.spec as { host: string }).host;

    it('answers the reader in the peered VNet, with its private address in X-Forwarded-For', async () => {
      const client = lab.info.client.privateIp!;
      expect(client).toBeDefined();
      const r = await run(lab, `curl -s http://${host}/api/ip`);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)['x-forwarded-for']).toBe(`['${client}']`);
    });

    it('times out for a reader on the Internet', async () => {
      const outside: LabFile = { ...lab, info: { ...lab.info, client: { publicIp: lab.info.client.publicIp } } };
      const r = await run(outside, `curl -sS -m 5 -o /dev/null -w '%{http_code}' http://${host}/api/ip`);
      expect(r).toEqual({ status: 28, stdout: '000', stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n' });
    });

    it('times out when the peering is not connected', async () => {
      const arm = lab.arm.map((r) =>
        r.type === 'Microsoft.Network/virtualNetworks'
          ? { ...r, properties: { ...r.properties, virtualNetworkPeerings: ((r.properties?.virtualNetworkPeerings ?? []) as Array<Record<string, any>>).map((p) => ({ ...p, properties: { ...p.properties, peeringState: 'Disconnected' } })) } }
          : r,
      );
      const r = await run({ ...lab, arm }, `curl -s -m 5 -o /dev/null -w '%{http_code}' http://${host}/api/ip`);
      expect(r).toMatchObject({ status: 28, stdout: '000' });
    });
  });
});

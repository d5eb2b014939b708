// What live mode lets out of the reader's machine: the cluster's own hosts only, pins included;
// never the metadata address; private addresses only inside the cluster's network; http only to
// loopback endpoints.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { endpointUrl, parsePins, LiveConfigError } from '../../src/node/live/config.ts';
import { inCidr, isPrivate } from '../../src/node/live/network.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';

describe('live network policy', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());
  const route = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

  it('a pin does not widen the hosts: a pinned foreign host is still refused, and nothing is sent', async () => {
    const pins = `${fake.env().ARO_LABS_RESOLVE},example.com:80:127.0.0.1:${fake.appPort}`;
    const session = new Session(await liveWorldOn(fake, lab, { ARO_LABS_RESOLVE: pins }));
    const before = fake.requests.app.length;
    const result = await session.run('curl http://example.com/api/ip');
    expect(result).toMatchObject({ status: 7, stderr: "curl: (7) live mode reaches only your cluster's route hosts and API server; example.com is not one of them\n" });
    expect(fake.requests.app.length).toBe(before);
  });

  it("the router's address is reached where the route host's pin says, with the route's Host header", async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const result = await session.run(`curl -s -H "Host: ${route}" http://192.0.2.80/api/ip | jq -r .my_public_ip`);
    expect(result).toMatchObject({ status: 0, stdout: '198.51.100.24\n' });
    const other = await session.run('curl http://192.0.2.81/');
    expect(other.stderr).toBe("curl: (7) live mode reaches only your cluster's route hosts and API server; 192.0.2.81 is not where any of them points\n");
  });

  it('sends only GET and HEAD', async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const result = await session.run(`curl -X DELETE http://${route}/api/ip`);
    expect(result.stderr).toBe('curl: (7) live mode only reads: it sends GET and HEAD requests, not DELETE\n');
  });

  it('nslookup of a name that is not the cluster\'s is refused without asking DNS', async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const before = fake.requests.dns.length;
    const result = await session.run('nslookup 169.254.169.254.nip.io');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not one of them');
    expect(fake.requests.dns.length).toBe(before);
  });

  it('knows private and link-local ranges', () => {
    for (const ip of ['10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '127.0.0.1', '100.64.0.1', '::1', 'fd00::1']) expect(isPrivate(ip)).toBe(true);
    for (const ip of ['198.51.100.24', '20.50.1.2', '172.32.0.1']) expect(isPrivate(ip)).toBe(false);
    expect(inCidr('10.0.2.7', '10.0.0.0/22')).toBe(true);
    expect(inCidr('10.0.4.7', '10.0.0.0/22')).toBe(false);
  });

  it('reads pins like curl --resolve, and accepts http only for loopback endpoints', () => {
    expect(parsePins('a.example:443:192.0.2.1,b.example:80:[::1]:8080')).toEqual([
      { host: 'a.example', port: 443, address: '192.0.2.1' },
      { host: 'b.example', port: 80, address: '::1', connectPort: 8080 },
    ]);
    expect(() => parsePins('a.example:443:not-an-ip')).toThrow(LiveConfigError);
    expect(endpointUrl('http://127.0.0.1:9000', 'X').host).toBe('127.0.0.1:9000');
    expect(() => endpointUrl('http://management.azure.com', 'X')).toThrow('X: plain http is accepted only for loopback addresses; use https for management.azure.com');
    expect(() => endpointUrl('ftp://x', 'X')).toThrow('X: only https URLs are accepted');
  });
});

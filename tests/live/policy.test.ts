// What live mode lets out of the reader's machine: the cluster's own hosts only, pins included;
// never the metadata address; private addresses only inside the cluster's network, whether a
// name or an address in the URL leads there, and at every hop of curl -L; http only to loopback
// endpoints.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { endpointUrl, parsePins, LiveConfigError } from '../../src/node/live/config.ts';
import { isPrivate } from '../../src/node/live/network.ts';
import { classify, insidePrefixes } from '../../src/node/live/addresses.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { startFakeApp, startFakeDns } from '../helpers/fake-network.ts';

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
    expect(insidePrefixes('10.0.2.7', ['10.0.0.0/22'])).toBe(true);
    expect(insidePrefixes('10.0.4.7', ['10.0.0.0/22'])).toBe(false);
  });

  it('classifies an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    for (const [mapped, plain] of [['::ffff:7f00:1', '127.0.0.1'], ['::ffff:a9fe:a9fe', '169.254.169.254'], ['0:0:0:0:0:ffff:a00:205', '10.0.2.5'], ['::ffff:c633:6418', '198.51.100.24']]) {
      expect(classify(mapped)).toEqual(classify(plain));
    }
    expect(insidePrefixes('::ffff:a00:205', ['10.0.0.0/22'])).toBe(true);
    // Translators and tunnels carry an IPv4 address too; what they reach is not judged, so they are refused.
    for (const ip of ['64:ff9b::7f00:1', '::7f00:1', '2002:7f00:1::1', 'fe80::1', 'ff02::1', '::']) expect(classify(ip).kind).toBe('never');
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

describe('one address rule for names and for addresses in the URL', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const route = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  // A DNS whose answer for the route host is loopback, and one whose answer is a private address
  // outside the cluster's network (10.0.0.0/22) or inside it.
  const loopbackDns = await startFakeDns(lab, { [route]: ['127.0.0.1'] });
  const outsideDns = await startFakeDns(lab, { [route]: ['10.99.0.5'] });
  const insideDns = await startFakeDns(lab, { [route]: ['10.0.2.50'] });
  afterAll(() => Promise.all([fake.close(), loopbackDns.close(), outsideDns.close(), insideDns.close()]));
  const dns = (server: { port: number }) => ({ ARO_LABS_DNS: `127.0.0.1#${server.port}` });
  const loopback = (ip: string) => `curl: (7) live mode does not connect to the loopback address ${ip}: it is not your cluster's\n`;

  it('an address in any form curl accepts is judged as the address it is: loopback is refused even where a cluster host points, and nothing is sent', async () => {
    const session = new Session(await liveWorldOn(fake, lab, dns(loopbackDns)));
    const before = fake.requests.app.length;
    const port = fake.appPort;
    const forms: Array<[string, string]> = [
      [`http://127.0.0.1:${port}/api/ip`, loopback('127.0.0.1')],
      [`http://2130706433:${port}/api/ip`, loopback('127.0.0.1')],
      [`http://0x7f.1:${port}/api/ip`, loopback('127.0.0.1')],
      [`http://0177.0.0.1:${port}/api/ip`, loopback('127.0.0.1')],
      [`http://127.1:${port}/api/ip`, loopback('127.0.0.1')],
      [`http://127.0.0.1.:${port}/api/ip`, loopback('127.0.0.1')],
      [`${`127.0.0.1:${port}`}/api/ip`, loopback('127.0.0.1')],
      [`http://[::ffff:127.0.0.1]:${port}/api/ip`, loopback('::ffff:7f00:1')],
      [`http://[::ffff:7f00:1]:${port}/api/ip`, loopback('::ffff:7f00:1')],
      [`http://[::1]:${port}/api/ip`, loopback('::1')],
      [`http://0:${port}/api/ip`, "curl: (7) live mode does not connect to the unspecified address 0.0.0.0: it is not your cluster's\n"],
      [`http://[::]:${port}/api/ip`, "curl: (7) live mode does not connect to the unspecified address ::: it is not your cluster's\n"],
    ];
    for (const [url, stderr] of forms) expect(await session.run(`curl ${url}`), url).toMatchObject({ status: 7, stdout: '', stderr });
    expect(fake.requests.app.length).toBe(before);
  });

  it('the instance metadata and Azure platform addresses are refused in every spelling', async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const metadata = (ip: string) => `curl: (7) live mode never contacts ${ip} (the instance metadata address)\n`;
    for (const [url, stderr] of [
      ['http://169.254.169.254/metadata/instance', metadata('169.254.169.254')],
      ['http://2852039166/metadata/instance', metadata('169.254.169.254')],
      ['http://0251.0376.0251.0376/metadata/instance', metadata('169.254.169.254')],
      ['http://0xa9.0xfe.0xa9.0xfe/metadata/instance', metadata('169.254.169.254')],
      ['http://[::ffff:169.254.169.254]/metadata/instance', metadata('::ffff:a9fe:a9fe')],
      ['http://168.63.129.16/machine?comp=goalstate', 'curl: (7) live mode never contacts 168.63.129.16 (the Azure platform address)\n'],
    ]) {
      expect(await session.run(`curl ${url}`), url).toMatchObject({ status: 7, stderr });
    }
  });

  it('a private address outside the cluster\'s network is refused by name and by address, pinned host or not', async () => {
    const outside = "curl: (7) live mode does not connect to the private address 10.99.0.5: it is outside your cluster's virtual network\n";
    const unpinned = new Session(await liveWorldOn(fake, lab, { ...dns(outsideDns), ARO_LABS_RESOLVE: '' }));
    expect(await unpinned.run(`curl http://${route}/api/ip`)).toMatchObject({ status: 7, stderr: outside });
    // The route host is pinned to the app: its DNS address must not borrow the pin.
    const pinned = new Session(await liveWorldOn(fake, lab, dns(outsideDns)));
    const before = fake.requests.app.length;
    expect(await pinned.run(`curl -H "Host: ${route}" http://10.99.0.5/api/ip`)).toMatchObject({ status: 7, stderr: outside });
    expect(fake.requests.app.length).toBe(before);
  });

  it("an address inside the cluster's network where a cluster host points is reached as that host is", async () => {
    const session = new Session(await liveWorldOn(fake, lab, dns(insideDns)));
    const result = await session.run(`curl -s -H "Host: ${route}" http://10.0.2.50/api/ip | jq -r .my_public_ip`);
    expect(result).toMatchObject({ status: 0, stdout: '198.51.100.24\n' });
  });
});

describe('curl -L in live mode: every hop is judged', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const route = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  const api = 'api.m50kgrxk.northeurope.aroapp.io';
  const app = await startFakeApp(lab, {
    '/to-metadata': { kind: 'redirect', location: 'http://169.254.169.254/metadata/instance' },
    '/to-foreign': { kind: 'redirect', location: 'http://example.com/', status: 301 },
    '/to-api': { kind: 'redirect', location: `http://${api}:6443/version`, status: 307 },
  });
  app.scripted.set('/to-loopback', { kind: 'redirect', location: `http://127.0.0.1:${app.port}/api/ip` });
  afterAll(() => Promise.all([fake.close(), app.close()]));
  // The route host and the API server both reach this app.
  const pins = { ARO_LABS_RESOLVE: `${route}:80:127.0.0.1:${app.port},${api}:6443:127.0.0.1:${app.port}` };

  it('a redirect to the metadata address, to loopback or to a foreign host is refused at that hop, and nothing is sent there', async () => {
    const session = new Session(await liveWorldOn(fake, lab, pins));
    app.requests.length = 0;
    expect(await session.run(`curl -sS -L http://${route}/to-metadata`)).toMatchObject({ status: 7, stdout: '', stderr: 'curl: (7) live mode never contacts 169.254.169.254 (the instance metadata address)\n' });
    expect(await session.run(`curl -sS -L http://${route}/to-loopback`)).toMatchObject({ status: 7, stdout: '', stderr: "curl: (7) live mode does not connect to the loopback address 127.0.0.1: it is not your cluster's\n" });
    expect(await session.run(`curl -sS -L http://${route}/to-foreign`)).toMatchObject({ status: 7, stdout: '', stderr: "curl: (7) live mode reaches only your cluster's route hosts and API server; example.com is not one of them\n" });
    expect(app.requests).toEqual([`${route}/to-metadata`, `${route}/to-loopback`, `${route}/to-foreign`]);
  });

  it('a redirect to another of the cluster\'s hosts is followed', async () => {
    const session = new Session(await liveWorldOn(fake, lab, pins));
    app.requests.length = 0;
    const result = await session.run(`curl -s -o /dev/null -L -w '%{num_redirects} %{url_effective}' http://${route}/to-api`);
    expect(result).toMatchObject({ status: 0, stdout: `1 http://${api}:6443/version` });
    expect(app.requests).toEqual([`${route}/to-api`, `${api}:6443/version`]);
  });

  it('without -L the redirect is printed as it came, and its target is not asked', async () => {
    const session = new Session(await liveWorldOn(fake, lab, pins));
    app.requests.length = 0;
    const result = await session.run(`curl -s -i -w '%{http_code} %{redirect_url}' http://${route}/to-metadata`);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/metadata/instance\r\n')).toBe(true);
    expect(result.stdout.endsWith('</html>\n302 http://169.254.169.254/metadata/instance')).toBe(true);
    expect(app.requests).toEqual([`${route}/to-metadata`]);
  });
});

// nslookup, dig and host ask one DNS model (src/engine/commands/net/dns.ts), on every built-in lab:
// the same addresses, the same absent records, the same reverse names, each in its own tool's words;
// and the bytes the lab's resolver sends (what dig measures) are a DNS message an independent
// decoder reads back. Expected values are read from the lab's objects.
import { describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { ask, reverseName } from '../../src/engine/commands/net/dns.ts';
import { encodeAnswer } from '../../src/engine/commands/net/dns-wire.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

/** The lab with a reverse FQDN set on the public IP of `ip` (as `az network public-ip update --reverse-fqdn` sets it). */
function withReverseFqdn(lab: LabFile, ip: string, fqdn: string): LabFile {
  const copy = structuredClone(lab);
  const pip = copy.arm.find((r) => r.type === 'Microsoft.Network/publicIPAddresses' && (r.properties as Obj | undefined)?.ipAddress === ip);
  if (!pip) throw new Error(`no public IP ${ip}`);
  (pip.properties as Obj).dnsSettings = { domainNameLabel: 'lab', fqdn: `lab.${pip.location}.cloudapp.azure.com`, reverseFqdn: fqdn };
  return copy;
}

describe.each(builtInLabs())('DNS tools on %s', (name) => {
  const lab = builtInLab(name);
  const model = new WorldModel(lab);
  const route = model.routes()[0];
  const host = (route.spec as Obj).host as string;
  const [address] = model.publicResolve(host);
  const session = () => new Session(createFixtureWorld(lab));

  it("gives a route host's address from the lab's public DNS in each tool's words", async () => {
    const s = session();
    expect((await s.run(`dig +short ${host}`)).stdout).toBe(`${address}\n`);
    expect((await s.run(`host ${host}`)).stdout).toBe(`${host} has address ${address}\n`);
    expect((await s.run(`nslookup -type=A ${host}.`)).stdout).toContain(`Name:\t${host}\nAddress: ${address}\n`);
    expect((await s.run(`dig +noall +answer ${host}`)).stdout).toMatch(new RegExp(`^${host.replace(/\./g, '\\.')}\\.\\s+300\\s+IN\\s+A\\s+${address}\n$`));
  });

  it('says a type the lab holds no record of is absent, and a name it does not hold is NXDOMAIN', async () => {
    const s = session();
    expect(await s.run(`host -t MX ${host}`)).toMatchObject({ stdout: `${host} has no MX record\n`, status: 0 });
    expect((await s.run(`nslookup -type=AAAA ${host}`)).stdout).toContain(`*** Can't find ${host}: No answer\n`);
    expect((await s.run(`dig ${host} TXT`)).stdout).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0,');
    const missing = `nothing-here.${host.split('.').slice(2).join('.')}.invalid`;
    expect(await s.run(`host ${missing}`)).toMatchObject({ stdout: `Host ${missing} not found: 3(NXDOMAIN)\n`, status: 1 });
    expect((await s.run(`dig ${missing}`)).stdout).toContain('status: NXDOMAIN');
  });

  it('answers a reverse lookup with the reverse FQDN a public IP holds, and NXDOMAIN without one', async () => {
    const fqdn = `ingress.${name}.example.com.`;
    const address = (lab.arm.find((r) => r.type === 'Microsoft.Network/publicIPAddresses')?.properties as Obj).ipAddress as string;
    const reverse = reverseName(address)!;
    const plain = session();
    expect(await plain.run(`host ${address}`)).toMatchObject({ stdout: `Host ${reverse}. not found: 3(NXDOMAIN)\n`, status: 1 });
    const s = new Session(createFixtureWorld(withReverseFqdn(lab, address, fqdn)));
    expect(await s.run(`nslookup ${address}`)).toMatchObject({ stdout: `${reverse}\tname = ${fqdn}\n\nAuthoritative answers can be found from:\n\n`, status: 0 });
    expect((await s.run(`dig +short -x ${address}`)).stdout).toBe(`${fqdn}\n`);
    expect((await s.run(`host ${address}`)).stdout).toBe(`${reverse} domain name pointer ${fqdn}\n`);
    // -debug shows the record as it came, then the same answer.
    expect((await s.run(`nslookup -debug ${address}`)).stdout).toBe(`------------\n    QUESTIONS:\n\t${reverse}, type = PTR, class = IN\n    ANSWERS:\n    ->  ${reverse}\n\tname = ${fqdn}\n\tttl = 300\n    AUTHORITY RECORDS:\n    ADDITIONAL RECORDS:\n------------\n${reverse}\tname = ${fqdn}\n\nAuthoritative answers can be found from:\n\n`);
  });

  it("warns of .local names as dig does, reverses any dotted number for -x, and lets +noall hide +short's answer", async () => {
    const s = session();
    const local = (await s.run(`dig server.${lab.info.session.namespace}.svc.cluster.local`)).stdout;
    expect(local).toContain(';; Got answer:\n;; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n;; ->>HEADER<<-');
    expect((await s.run('dig -x 300.1.1.1')).stdout).toContain(';1.1.1.300.in-addr.arpa.\t\tIN\tPTR\n');
    expect((await s.run(`dig ${host} +short +noall`)).stdout).toBe('');
    expect((await s.run(`dig +noall +short ${host}`)).stdout).toBe(`${address}\n`);
    expect(await s.run(`dig -t bogus +short ${host}`)).toMatchObject({ status: 0, stdout: `${address}\n`, stderr: ';; Warning, ignoring invalid type bogus\n' });
    // Several names: one lookup each, a type applying to the name before it.
    const both = (await s.run(`dig ${host} ${host} MX`)).stdout;
    expect(both.match(/;; Got answer:/g)).toHaveLength(2);
    expect(both.match(/; <<>> DiG/g)).toHaveLength(1);
    expect(both).toMatch(/IN\s+MX\n/);
    expect((await s.run(`dig +short ${host} ${host}`)).stdout).toBe(`${address}\n${address}\n`);
    // +nottlid and +noclass leave their columns out; +noquestion leaves no blank line behind it.
    expect((await s.run(`dig +noall +answer +nottlid +noclass ${host}`)).stdout).toMatch(new RegExp(`^${host.replace(/\./g, '\\.')}\\.\\s+A\\s+${address}\n$`));
    expect((await s.run(`dig +noquestion +nostats ${host}`)).stdout).toContain(`; EDNS: version: 0, flags:; udp: 1232\n;; ANSWER SECTION:\n`);
  });

  it("says a server named by a name the lab's DNS does not hold has no address, in each tool's words", async () => {
    const s = session();
    for (const [tool, line] of [['nslookup', `nslookup ${host} nope.invalid`], ['dig', `dig @nope.invalid ${host}`], ['host', `host ${host} nope.invalid`]]) {
      expect(await s.run(line)).toMatchObject({ status: 1, stdout: '', stderr: `${tool}: couldn't get address for 'nope.invalid': not found\n` });
    }
  });

  it("sends answers as a DNS message an independent decoder reads back, names compressed as a resolver's", async () => {
    const answer = await ask(createFixtureWorld(lab), host, 'A');
    if ('error' in answer) throw new Error(answer.error);
    const bytes = encodeAnswer(answer, { id: 4242, recursionDesired: true, edns: true });
    const decoded = dnsPacket.decode(Buffer.from(bytes));
    expect(decoded.id).toBe(4242);
    expect(decoded.answers?.map((a) => [a.name, a.type, (a as { ttl?: number }).ttl, (a as { data?: unknown }).data])).toEqual([[host, 'A', 300, address]]);
    expect(decoded.additionals?.map((a) => a.type)).toEqual(['OPT']);
    // The answer's owner points back at the question instead of spelling the name again.
    const uncompressed = dnsPacket.encode({ ...decoded, type: 'response' });
    expect(bytes.length).toBe(uncompressed.length - host.length);
    // dig prints that size.
    expect((await session().run(`dig ${host}`)).stdout).toContain(`;; MSG SIZE  rcvd: ${bytes.length}\n`);
  });
});

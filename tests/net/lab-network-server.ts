// The lab's public network at the lab's own addresses, for recording the net corpus: run inside a
// network namespace of its own (scripts/make-conformance-references.ts sets one up, with the
// lab's resolver and router addresses on its loopback), it answers DNS on the resolver's address,
// port 53, with the lab's DNS model (the bytes the lab's dig measures), and HTTP on the router's
// address, port 80, with the lab's app. curl, nslookup, dig and host then run as the reader types
// them. It answers on every address of the namespace: the lab's resolver, and any other server a
// line names (the lab's public DNS is the Internet's, whichever resolver is asked). Prints "ready"
// once both listen.
// Usage: node tests/net/lab-network-server.ts LAB | --lab-file FILE [--cert CHAIN.pem --key KEY.pem] [--log FILE]
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { appendFileSync, readFileSync } from 'node:fs';
import dnsPacket from 'dns-packet';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/world/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { ask, recordType, type DnsAnswer } from '../../src/engine/commands/net/dns.ts';
import { encodeAnswer } from '../../src/engine/commands/net/dns-wire.ts';
import { startFakeApp } from '../helpers/fake-network.ts';

const lab = await loadLab(process.argv[2] === '--lab-file' ? { file: process.argv[3] } : { name: process.argv[2] });
const world = createFixtureWorld(lab);
/** --log FILE: each question asked, as "ID TYPE NAME", one a line. */
const queryLog = process.argv.includes('--log') ? process.argv[process.argv.indexOf('--log') + 1] : undefined;

/** The answer's bytes to one query message. */
async function answerTo(message: Buffer): Promise<Uint8Array | undefined> {
  const query = dnsPacket.decode(message);
  const question = query.questions?.[0];
  if (!question) return undefined;
  const type = recordType(question.type) ?? 'A';
  // The recorder puts the lab's id for each question in place of the one dig drew (record-net.ts).
  if (queryLog) appendFileSync(queryLog, `${query.id ?? 0} ${question.type} ${question.name}\n`);
  const answer = await ask(world, question.name, type);
  const said: DnsAnswer = 'error' in answer ? { name: `${question.name}.`, type, rcode: 'SERVFAIL', records: [] } : answer;
  const edns = (query.additionals ?? []).some((r) => r.type === 'OPT');
  return encodeAnswer(said, { id: query.id ?? 0, recursionDesired: Boolean((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED), edns });
}

const socket = dgram.createSocket('udp4');
socket.on('message', async (message, remote) => {
  const bytes = await answerTo(message);
  if (bytes) socket.send(bytes, remote.port, remote.address);
});
// Over TCP (nslookup asks for ANY this way), each message goes after its length in two bytes.
const tcp = net.createServer((connection) => {
  let pending = Buffer.alloc(0);
  connection.on('error', () => connection.destroy());
  connection.on('data', async (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const message = pending.subarray(2, 2 + pending.readUInt16BE(0));
      pending = pending.subarray(2 + message.length);
      const bytes = await answerTo(message);
      if (bytes) connection.write(Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]));
    }
  });
});
await new Promise<void>((resolve) => tcp.listen(53, '0.0.0.0', resolve));
await new Promise<void>((resolve) => socket.bind(53, '0.0.0.0', () => resolve()));
const routerIp = new WorldModel(lab).routerIp();
if (routerIp) {
  await startFakeApp(lab, {}, { host: routerIp, port: 80 });
  // Port 443: TLS with the router's certificate chain (a wildcard for the apps domain, signed by the
  // ingress operator's own CA, both sent), what it decrypts handed to the app as an https request.
  const [certFile, keyFile] = [process.argv[process.argv.indexOf('--cert') + 1], process.argv[process.argv.indexOf('--key') + 1]];
  if (process.argv.includes('--cert')) {
    const behind = await startFakeApp(lab, {}, { host: '127.0.0.1', port: 0, scheme: 'https' });
    const secure = tls.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (client) => {
      const inner = net.connect(behind.port, '127.0.0.1');
      client.on('error', () => inner.destroy());
      inner.on('error', () => client.destroy());
      client.pipe(inner).pipe(client);
    });
    await new Promise<void>((resolve) => secure.listen(443, routerIp, resolve));
  }
}
console.log('ready');

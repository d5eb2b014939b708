// The lab's public network at the lab's own addresses, for recording the net corpus: run inside a
// network namespace of its own (scripts/make-conformance-references.ts sets one up, with the
// lab's resolver and router addresses on its loopback), it answers DNS on the resolver's address,
// port 53, with the lab's DNS model (the bytes the lab's dig measures), and HTTP and HTTPS on the
// router's address, ports 80 and 443, with the lab's app, connections kept open as the router keeps
// them. curl, nslookup, dig and host then run as the reader types them. It answers on every address of the namespace: the lab's resolver, and any other server a
// line names (the lab's public DNS is the Internet's, whichever resolver is asked). Prints "ready"
// once both listen.
// Usage: node tests/net/lab-network-server.ts LAB | --lab-file FILE [--cert CHAIN.pem --key KEY.pem] [--log FILE]
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { appendFileSync, readFileSync } from 'node:fs';
import dnsPacket from 'dns-packet';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
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
/**
 * The router's side of a connection: HAProxy keeps a client's connection open from request to
 * request (until an answer says `connection: close`), while the app behind it (fake-network.ts)
 * answers one request a connection. Each request that comes is handed to the app on a connection
 * of its own, and its whole answer written back on the client's.
 */
function keepAlive(app: number): net.Server {
  return net.createServer((client) => {
    let pending = Buffer.alloc(0);
    let busy = false;
    client.on('error', () => client.destroy());
    const next = () => {
      const end = pending.indexOf('\r\n\r\n');
      if (busy || end < 0) return;
      busy = true;
      const head = pending.subarray(0, end + 4);
      pending = pending.subarray(end + 4);
      const chunks: Buffer[] = [];
      const inner = net.connect(app, '127.0.0.1', () => inner.write(head));
      inner.on('data', (chunk) => chunks.push(chunk));
      inner.on('error', () => client.destroy());
      inner.on('end', () => {
        const answer = Buffer.concat(chunks);
        const closes = /\r\nconnection:\s*close\r\n/i.test(answer.subarray(0, answer.indexOf('\r\n\r\n') + 2).toString('latin1'));
        if (closes) client.end(answer);
        else client.write(answer);
        busy = false;
        next();
      });
    };
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      next();
    });
  });
}

const listen = (server: net.Server, port: number, host: string) => new Promise<number>((resolve) => server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port)));

const routerIp = new WorldModel(lab).routerIp();
if (routerIp) {
  const plain = await startFakeApp(lab, {}, { host: '127.0.0.1', port: 0 });
  await listen(keepAlive(plain.port), 80, routerIp);
  // Port 443: TLS with the router's certificate chain (a wildcard for the apps domain, signed by the
  // ingress operator's own CA, both sent), what it decrypts handed on as an https request.
  const [certFile, keyFile] = [process.argv[process.argv.indexOf('--cert') + 1], process.argv[process.argv.indexOf('--key') + 1]];
  if (process.argv.includes('--cert')) {
    const behind = await startFakeApp(lab, {}, { host: '127.0.0.1', port: 0, scheme: 'https' });
    const front = await listen(keepAlive(behind.port), 0, '127.0.0.1');
    const secure = tls.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (client) => {
      const inner = net.connect(front, '127.0.0.1');
      client.on('error', () => inner.destroy());
      inner.on('error', () => client.destroy());
      client.pipe(inner).pipe(client);
    });
    await listen(secure, 443, routerIp);
  }
}
console.log('ready');

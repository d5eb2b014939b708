// The public side of a lab world on 127.0.0.1: a DNS server (UDP) that answers as the world's
// public DNS does, and the sample app behind its router, answering exactly what the fixture's
// router answers (status line and headers as they are, nothing added). Used by the live-mode tests
// and to record what the real curl and nslookup print.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { LabFile } from '../../src/engine/world/types.ts';
import { createFixtureNetwork } from '../../src/engine/world/fixture/network.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';

export interface FakeService {
  port: number;
  /** What it was asked: DNS names, or "host/path" of HTTP requests. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeDns(lab: LabFile): Promise<FakeService> {
  const model = new WorldModel(lab);
  const requests: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    requests.push(question.name);
    const known = model.publicResolve(question.name);
    const answers = question.type === 'A' ? known.map((data) => ({ type: 'A' as const, name: question.name, ttl: 300, class: 'IN' as const, data })) : [];
    const response = dnsPacket.encode({
      id: query.id,
      type: 'response',
      // The low four bits are the RCODE: 3 is NXDOMAIN (the name has no records of any type).
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known.length === 0 ? 3 : 0),
      questions: [question],
      answers,
    });
    socket.send(response, remote.port, remote.address);
  });
  const port = await new Promise<number>((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket.address().port)));
  return { port, requests, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

export interface FakeApp extends FakeService {
  /** Requests whose path contains `match` get no answer while it is listed. */
  hang: Set<string>;
}

export async function startFakeApp(lab: LabFile): Promise<FakeApp> {
  const network = createFixtureNetwork(lab);
  const requests: string[] = [];
  const hang = new Set<string>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let head = '';
    socket.on('data', async (chunk) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      const [requestLine, ...headerLines] = head.slice(0, end).split('\r\n');
      const [method, path] = requestLine.split(' ');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      requests.push(`${headers.host}${path}`);
      if ([...hang].some((m) => path.includes(m))) return;
      const answer = await network.http({ method, url: `http://${headers.host}${path}`, headers });
      if ('error' in answer) {
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const lines = [`HTTP/${answer.httpVersion} ${answer.status} ${answer.statusText}`, ...answer.headers.map(([k, v]) => `${k}: ${v}`)];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : answer.body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    hang,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

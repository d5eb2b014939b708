// The public side of a lab world on 127.0.0.1: a DNS server (UDP) that answers as the world's
// public DNS does, and the sample app behind its router, answering exactly what the fixture's
// router answers (status line and headers as they are, nothing added). Used by the live-mode tests
// and to record what the real curl and nslookup print.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { LabFile } from '../../src/engine/world/types.ts';
import { createFixtureNetwork } from '../../src/engine/sources/fixture/network.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';

export interface FakeService {
  port: number;
  /** What it was asked: DNS names, or "host/path" of HTTP requests. */
  requests: string[];
  close(): Promise<void>;
}

export interface FakeDns extends FakeService {
  /** Answers that replace the world's for a name: its A records, or 'silent' (no answer at all). */
  answers: Map<string, string[] | 'silent'>;
}

export async function startFakeDns(lab: LabFile, answers: Record<string, string[] | 'silent'> = {}): Promise<FakeDns> {
  const model = new WorldModel(lab);
  const requests: string[] = [];
  const overrides = new Map(Object.entries(answers));
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    requests.push(question.name);
    const override = overrides.get(question.name.toLowerCase());
    if (override === 'silent') return;
    const known = override ?? model.publicResolve(question.name);
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
  return { port, requests, answers: overrides, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/** An answer a test scripts for one path, instead of the lab router's. */
export type Scripted =
  /** A redirect (302 unless said) to `location`, with a short HTML body. */
  | { kind: 'redirect'; location: string; status?: number }
  /** A body of `bytes` bytes, one every `everyMs` (a slow server); Content-Length unless chunked. */
  | { kind: 'trickle'; bytes: number; everyMs: number; chunked?: boolean }
  /** A body of `bytes` bytes at once, announced as `announce` bytes (chunked when not announced). */
  | { kind: 'bulk'; bytes: number; announce?: number }
  /** An answer exactly as given: 200 unless said, these headers (UTF-8 on the wire) and this body, then Content-Length. */
  | { kind: 'answer'; status?: number; headers: Array<[string, string]>; body: string };

export interface FakeApp extends FakeService {
  /** Each request's head (request line and headers) as its bytes came, one latin1 character a byte. */
  heads: string[];
  /** Requests whose path contains `match` get no answer while it is listed. */
  hang: Set<string>;
  /** Scripted answers by exact path (query included). */
  scripted: Map<string, Scripted>;
}

/** Writes a scripted answer; the connection closes at its end (or when the body is cut short). */
function answerScripted(socket: net.Socket, method: string, script: Scripted): void {
  if (script.kind === 'redirect') {
    const body = `<html><body>Moved to <a href="${script.location}">${script.location}</a></body></html>\n`;
    const status = script.status ?? 302;
    const reason = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' }[status] ?? 'Redirect';
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nLocation: ${script.location}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${method === 'HEAD' ? '' : body}`);
    return;
  }
  if (script.kind === 'answer') {
    const head = [`HTTP/1.1 ${script.status ?? 200} OK`, ...script.headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(script.body)}`, 'Connection: close'];
    socket.end(Buffer.from(`${head.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : script.body}`, 'utf8'));
    return;
  }
  if (script.kind === 'bulk') {
    const framing = script.announce === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${script.announce}`;
    const body = Buffer.alloc(script.bytes, 'x');
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n${framing}\r\n\r\n`);
    if (script.announce === undefined) socket.write(`${body.length.toString(16)}\r\n${body.toString('latin1')}\r\n`);
    else socket.write(body);
    // A body shorter than announced, or chunked without its last chunk: the server hangs up.
    socket.end();
    return;
  }
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n${script.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${script.bytes}`}\r\n\r\n`);
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= script.bytes) {
      clearInterval(timer);
      if (!socket.destroyed) socket.end(script.chunked ? '0\r\n\r\n' : '');
      return;
    }
    sent += 1;
    socket.write(script.chunked ? '1\r\nx\r\n' : 'x');
  }, script.everyMs);
  socket.on('close', () => clearInterval(timer));
}

/** `listen`: where it listens (127.0.0.1 on a free port unless said; the recorder of the net corpus
 * serves the lab's router address, port 80, in a network namespace of its own), and the scheme its
 * requests came over (https: behind a TLS server that hands it what it decrypted). */
export async function startFakeApp(lab: LabFile, scripts: Record<string, Scripted> = {}, listen: { host: string; port: number; scheme?: 'http' | 'https' } = { host: '127.0.0.1', port: 0 }): Promise<FakeApp> {
  const network = createFixtureNetwork(lab);
  const requests: string[] = [];
  const heads: string[] = [];
  const hang = new Set<string>();
  const scripted = new Map(Object.entries(scripts));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client that hangs up in the middle of an answer (a size or time limit) is no fault of the app's.
    socket.on('error', () => socket.destroy());
    let head = '';
    socket.on('data', async (chunk) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      heads.push(head.slice(0, end));
      const [requestLine, ...headerLines] = head.slice(0, end).split('\r\n');
      const [method, path] = requestLine.split(' ');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      requests.push(`${headers.host}${path}`);
      if ([...hang].some((m) => path.includes(m))) return;
      const script = scripted.get(path);
      if (script) return answerScripted(socket, method, script);
      const answer = await network.http({ method, url: `${listen.scheme ?? 'http'}://${headers.host}${path}`, headers, insecure: true });
      if ('error' in answer) {
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const lines = [`HTTP/${answer.httpVersion} ${answer.status} ${answer.statusText}`, ...answer.headers.map(([k, v]) => `${k}: ${v}`)];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : answer.body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    heads,
    hang,
    scripted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

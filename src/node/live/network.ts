// DNS and HTTP from the reader's machine in live mode, held to the cluster's own hosts: the hosts
// of its routes and its API server. One rule decides every connection, whatever names the target:
// the address connected to must be public or inside the cluster's virtual network, never this
// machine, a link-local address (the instance metadata address among them) or another private
// network. A name must also be one of the cluster's hosts; an address written in the URL (in any
// form curl accepts: WHATWG URL parsing turns 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into
// 127.0.0.1) must also be where one of them points. Pins (ARO_LABS_RESOLVE, like curl --resolve)
// are the reader's own choice: a pinned cluster host is reached at the pinned address, loopback
// included, and an address that is where a pinned host points is reached as that host is. An
// address that merely equals a pin's address gains nothing from it.
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { HttpRequest, HttpResponse, NetError } from '../../engine/index.ts';
import type { LiveConfig, Pin } from './config.ts';
import type { Redactor } from './redact.ts';
import { classify, insidePrefixes } from './addresses.ts';

export { isPrivate } from './addresses.ts';

export interface ClusterHosts {
  /** Route hosts and the API server host, lower case. */
  hosts(): Promise<Set<string>>;
  /** Address prefixes of the cluster's virtual network (private addresses allowed inside them). */
  networkPrefixes(): Promise<string[]>;
}

export interface LiveNetwork {
  /** "address" or "address#port" of the DNS server nslookup asks. */
  readonly resolver: string;
  resolve(host: string): Promise<string[] | NetError>;
  http(req: HttpRequest): Promise<HttpResponse | NetError>;
}

const METADATA = '169.254.169.254';
/** The largest body live mode reads, like curl --max-filesize 4M: bounded while it streams. */
export const MAX_BODY = 4 * 1024 * 1024;

/** The longest curl -m live mode waits for. */
export const MAX_WAIT_MS = 10 * 60 * 1000;

/** Where one exchange goes: the URL's host, the address and port connected to. */
interface Target {
  host: string;
  address: string;
  port: number;
  secure: boolean;
}

/** What nslookup prints as its server: the configured one, or the system's first. */
function resolverName(config: LiveConfig, resolver: dns.Resolver): string {
  if (config.dns) return config.dns;
  const first = resolver.getServers()[0] ?? '127.0.0.53';
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(first);
  return m && isIP(m[1]) ? `${m[1]}#${m[2]}` : first;
}

/** The value, or `late` when the deadline (a performance.now() time) passes first. */
async function beforeDeadline<T, L>(work: Promise<T>, deadline: number, late: () => L): Promise<T | L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<L>((resolve) => (timer = setTimeout(() => resolve(late()), Math.max(0, deadline - performance.now()))));
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function createLiveNetwork(config: LiveConfig, cluster: ClusterHosts, redactor: Redactor): LiveNetwork {
  const resolver = new dns.Resolver({ timeout: Math.min(config.timeoutMs, 5000), tries: 2 });
  if (config.dns) resolver.setServers([config.dns.replace(/#(\d+)$/, (_, port: string) => `:${port}`).replace(/^([0-9a-f:]+:[0-9a-f:]*):(\d+)$/i, '[$1]:$2')]);
  const pin = (host: string, port: number): Pin | undefined => config.pins.find((p) => p.host === host && p.port === port);

  const refused = (host: string, message: string, port?: number): NetError => ({ error: 'refused-by-policy', host, port, message });

  /** Whether live mode may talk about or to this name at all. */
  async function allowedName(host: string): Promise<NetError | undefined> {
    if (host === METADATA) return refused(host, `live mode never contacts ${METADATA} (the instance metadata address)`);
    const hosts = await cluster.hosts();
    if (hosts.has(host)) return undefined;
    return refused(host, `live mode reaches only your cluster's route hosts and API server; ${host} is not one of them`);
  }

  async function lookup(host: string): Promise<string[] | NetError> {
    try {
      return await resolver.resolve4(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN') return [];
      return { error: 'timeout', host, message: ';; connection timed out; no servers could be reached' };
    }
  }

  /** The one address rule: public, or private inside the cluster's own network; never this
   * machine, its links, multicast or the platform's own addresses. */
  async function allowedAddress(host: string, ip: string, port: number): Promise<NetError | undefined> {
    const found = classify(ip);
    if (found.kind === 'public') return undefined;
    if (found.kind === 'platform') return refused(host, `live mode never contacts ${ip} (the ${found.name} address)`, port);
    if (found.kind === 'never') return refused(host, `live mode does not connect to the ${found.name} address ${ip}: it is not your cluster's`, port);
    if (insidePrefixes(ip, await cluster.networkPrefixes())) return undefined;
    return refused(host, `live mode does not connect to the private address ${ip}: it is outside your cluster's virtual network`, port);
  }

  /** The cluster host whose DNS answer holds this address (in either spelling of an IPv4-mapped one). */
  async function hostPointingAt(ip: string): Promise<string | undefined> {
    const names = [...(await cluster.hosts())];
    const answers = await Promise.all(names.map((h) => lookup(h)));
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    return names.find((_, i) => {
      const ips = answers[i];
      if (!Array.isArray(ips)) return false;
      const known = new BlockList();
      for (const a of ips) known.addAddress(a, 'ipv4');
      return known.check(ip, family);
    });
  }

  /** Where a request may go, or why it may not. */
  async function target(url: URL): Promise<Target | NetError> {
    const secure = url.protocol === 'https:';
    const port = url.port ? Number(url.port) : secure ? 443 : 80;
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal)) {
      const blocked = await allowedAddress(literal, literal, port);
      if (blocked) return blocked;
      const owner = await hostPointingAt(literal);
      if (!owner) return refused(literal, `live mode reaches only your cluster's route hosts and API server; ${literal} is not where any of them points`, port);
      const viaPin = pin(owner, port);
      return { host: literal, address: viaPin?.address ?? literal, port: viaPin?.connectPort ?? port, secure };
    }
    const host = literal.replace(/\.$/, '');
    const denied = await allowedName(host);
    if (denied) return { ...denied, port };
    const pinned = pin(host, port);
    if (pinned) {
      // Even the reader's own pin does not make the platform's addresses reachable.
      if (classify(pinned.address).kind === 'platform') return (await allowedAddress(host, pinned.address, port))!;
      return { host, address: pinned.address, port: pinned.connectPort ?? port, secure };
    }
    const ips = await lookup(host);
    if (!Array.isArray(ips)) return { error: 'resolve', host, port };
    if (ips.length === 0) return { error: 'resolve', host };
    const blocked = await allowedAddress(host, ips[0], port);
    return blocked ?? { host, address: ips[0], port, secure };
  }

  return {
    resolver: resolverName(config, resolver),

    async resolve(rawHost) {
      const host = rawHost.toLowerCase().replace(/\.$/, '');
      const denied = await allowedName(host);
      if (denied) return denied;
      return lookup(host);
    },

    async http(req) {
      // One deadline for the whole exchange: choosing the target (cluster reads, DNS), connecting,
      // TLS, the headers and the body. curl -m is the reader's own limit and replaces live mode's
      // (ARO_LABS_TIMEOUT), up to a ceiling that keeps any line from holding the terminal for long.
      const started = performance.now();
      const limitMs = typeof req.maxTimeMs === 'number' && req.maxTimeMs >= 0 ? Math.min(req.maxTimeMs, MAX_WAIT_MS) : config.timeoutMs;
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return refused(req.url, `live mode reaches only http and https URLs; ${req.url} is not one`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return refused(url.hostname, `live mode reaches only http and https URLs; ${url.protocol.slice(0, -1)} is not one of them`);
      const method = String(req.method).toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') return refused(url.hostname, `live mode only reads: it sends GET and HEAD requests, not ${method}`);
      const chosen = await beforeDeadline(target(url), started + limitMs, (): NetError => ({ error: 'timeout', host: url.hostname, resolving: true, limitMs }));
      if ('error' in chosen) return chosen;
      return exchange(req, chosen, { started, limitMs }, redactor);
    },
  };
}

/** The request's headers as curl puts them on the wire, or why they cannot be sent. Node writes a
 * header as one byte a character (latin1), so a value goes as the UTF-8 bytes of its characters,
 * as curl sends what it was given. A name that is not an HTTP token, or a value with a control
 * character (a Host among them), is refused by Node: live mode says so instead of sending it. */
function wireHeaders(headers: Record<string, string>, url: URL): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const bytes = Buffer.from(String(value), 'utf8').toString('latin1');
    try {
      http.validateHeaderName(name);
    } catch {
      return `live mode sends only headers whose names are HTTP tokens; ${JSON.stringify(name)} is not one`;
    }
    try {
      http.validateHeaderValue(name, bytes);
    } catch {
      return `live mode does not send a header value with control characters, as the ${name} header's is`;
    }
    out[name] = bytes;
  }
  if (!Object.keys(out).some((k) => k.toLowerCase() === 'host')) out.Host = url.host;
  return out;
}

/** One request and its answer, within what is left of the deadline; the body is read up to
 * MAX_BODY and what came is kept when the exchange ends early. */
function exchange(req: HttpRequest, target: Target, budget: { started: number; limitMs: number }, redactor: Redactor): Promise<HttpResponse | NetError> {
  const url = new URL(req.url);
  const headers = wireHeaders(req.headers ?? {}, url);
  // A refusal names the port of the URL, as the other refusals do, not the one a pin connects to.
  const refused = (message: string): NetError => ({ error: 'refused-by-policy', host: target.host, port: Number(url.port) || (target.secure ? 443 : 80), message });
  if (typeof headers === 'string') return Promise.resolve(refused(headers));
  const options: https.RequestOptions = {
    host: target.address,
    port: target.port,
    method: req.method,
    path: `${url.pathname}${url.search}`,
    headers,
    // Each curl is a connection of its own, as the real curl opens one per run.
    agent: false,
    ...(target.secure ? { servername: isIP(target.host) ? undefined : target.host, rejectUnauthorized: !req.insecure } : {}),
  };
  const transport = target.secure ? https : http;
  // curl's timings: connection, TLS, first byte and end, in ms since the request started.
  const since = () => Math.round(performance.now() - budget.started);
  // Choosing the target (the name's lookup among it) ended just before this exchange began.
  const timing = { lookupMs: since(), connectMs: 0, tlsMs: 0, firstByteMs: 0, totalMs: 0 };
  const where = { host: target.host, port: target.port, message: target.address };
  let connected = false;
  let answer: http.IncomingMessage | undefined;
  const parts: Buffer[] = [];
  let size = 0;

  /** The answer as far as it came, its headers and body redacted like a whole one. */
  const received = (): HttpResponse => {
    const raw = answer?.rawHeaders ?? [];
    const pairs: Array<[string, string]> = [];
    // Node reads header bytes as latin1; the terminal shows them as the UTF-8 they are, as curl's do.
    // Each value is judged with its name (a Set-Cookie, an X-Api-Key), before the body is read.
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], redactor.header(raw[i], Buffer.from(raw[i + 1], 'latin1').toString('utf8'))]);
    return {
      httpVersion: answer?.httpVersion ?? '1.1',
      status: answer?.statusCode ?? 0,
      statusText: answer?.statusMessage ?? '',
      headers: pairs,
      body: redactor.body(Buffer.concat(parts).toString('utf8')),
      remote: { ip: target.address, port: target.port },
      timing: { ...timing, totalMs: since() },
    };
  };
  const partial = () => (answer ? { partial: { response: received(), bodyBytes: size } } : {});

  return new Promise((resolve) => {
    let request: http.ClientRequest;
    try {
      request = transport.request(options);
    } catch (error) {
      // Whatever Node refuses to send before a byte goes out ends as curl's own refusals do.
      resolve(refused(`live mode could not send this request: ${(error as Error).message}`));
      return;
    }
    let settled = false;
    const settle = (result: HttpResponse | NetError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const deadline = setTimeout(
      () => settle({ error: 'timeout', ...where, limitMs: budget.limitMs, ...(connected ? { connected: true } : {}), ...partial() }),
      Math.max(0, budget.limitMs - (performance.now() - budget.started)),
    );
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        timing.connectMs = since();
      });
      socket.once('secureConnect', () => (timing.tlsMs = since()));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const text = `${error.code ?? ''} ${error.message}`;
      if (answer) settle({ error: 'closed', ...where, ...partial() });
      else if (/CERT|certificate|self.signed|SSL|TLS/i.test(text)) settle({ error: 'tls', ...where });
      else if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') settle({ error: 'connect', ...where });
      else settle({ error: 'timeout', ...where });
    });
    request.on('response', (response) => {
      answer = response;
      timing.firstByteMs = since();
      const length = Number(response.headers['content-length']);
      // As curl --max-filesize does: a body announced too large is not read at all.
      if (length > MAX_BODY) return settle({ error: 'too-large', ...where, ...partial() });
      response.on('data', (chunk: Buffer) => {
        if (size + chunk.length > MAX_BODY) {
          parts.push(chunk.subarray(0, MAX_BODY - size));
          size = MAX_BODY;
          return settle({ error: 'too-large', ...where, ...partial() });
        }
        size += chunk.length;
        parts.push(chunk);
      });
      response.on('end', () => settle(received()));
      // Closed before the end of the body (a short Content-Length, a chunked body cut off).
      response.on('close', () => settle({ error: 'closed', ...where, ...partial() }));
      response.on('error', () => settle({ error: 'closed', ...where, ...partial() }));
    });
    request.end();
  });
}

// DNS and HTTP from the reader's machine in live mode, held to the cluster's own hosts: the hosts
// of its routes and its API server. Anything else, the instance metadata address and private
// addresses outside the cluster's virtual network are refused before a packet leaves.
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { HttpRequest, HttpResponse, NetError } from '../../engine/world/types.ts';
import type { LiveConfig, Pin } from './config.ts';
import type { Redactor } from './redact.ts';

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
const MAX_BODY = 4 * 1024 * 1024;

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  if (isIP(ip) !== 4 || isIP(base) !== 4) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4ToInt(ip) / size) === Math.floor(ipv4ToInt(base) / size);
}

const PRIVATE_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4'];

export function isPrivate(ip: string): boolean {
  if (isIP(ip) === 6) return /^(::1?$|f[cd]|fe[89ab]|::ffff:)/i.test(ip);
  return PRIVATE_V4.some((cidr) => inCidr(ip, cidr));
}

/** What nslookup prints as its server: the configured one, or the system's first. */
function resolverName(config: LiveConfig, resolver: dns.Resolver): string {
  if (config.dns) return config.dns;
  const first = resolver.getServers()[0] ?? '127.0.0.53';
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(first);
  return m && isIP(m[1]) ? `${m[1]}#${m[2]}` : first;
}

export function createLiveNetwork(config: LiveConfig, cluster: ClusterHosts, redactor: Redactor): LiveNetwork {
  const resolver = new dns.Resolver({ timeout: Math.min(config.timeoutMs, 5000), tries: 2 });
  if (config.dns) resolver.setServers([config.dns.replace(/#(\d+)$/, (_, port: string) => `:${port}`).replace(/^([0-9a-f:]+:[0-9a-f:]*):(\d+)$/i, '[$1]:$2')]);
  const pin = (host: string, port: number): Pin | undefined => config.pins.find((p) => p.host === host && p.port === port);

  const refused = (host: string, message: string, port?: number): NetError => ({ error: 'refused-by-policy', host, port, message });
  const metadata = (host: string, port?: number) => refused(host, `live mode never contacts ${METADATA} (the instance metadata address)`, port);

  /** Whether live mode may talk about or to this name at all. */
  async function allowedName(host: string): Promise<NetError | undefined> {
    if (host === METADATA) return metadata(host);
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

  /** A resolved address live mode may connect to: public, or inside the cluster's own network. */
  async function allowedAddress(host: string, ip: string, port: number): Promise<NetError | undefined> {
    if (ip === METADATA) return metadata(host, port);
    if (!isPrivate(ip)) return undefined;
    const prefixes = await cluster.networkPrefixes();
    if (prefixes.some((cidr) => inCidr(ip, cidr))) return undefined;
    return refused(host, `live mode does not connect to the private address ${ip}: it is outside your cluster's virtual network`, port);
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
      const url = new URL(req.url);
      const method = req.method.toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') return refused(url.hostname, `live mode only reads: it sends GET and HEAD requests, not ${method}`);
      const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
      const secure = url.protocol === 'https:';
      const port = url.port ? Number(url.port) : secure ? 443 : 80;
      const pinned = pin(host, port);
      let address: string;
      let connectPort = port;
      if (pinned) {
        // A pin (like curl --resolve) chooses the address of one of the cluster's hosts, loopback
        // included; it does not widen which hosts live mode talks to.
        const denied = await allowedName(host);
        if (denied) return { ...denied, port };
        address = pinned.address;
        connectPort = pinned.connectPort ?? port;
      } else if (isIP(host)) {
        if (host === METADATA) return metadata(host, port);
        // An address is allowed when it is where one of the cluster's hosts points; when that
        // host is pinned, the pin says where that address is reached from here.
        const names = [...(await cluster.hosts())];
        const known = await Promise.all(names.map((h) => lookup(h)));
        const index = known.findIndex((ips) => Array.isArray(ips) && ips.includes(host));
        if (index < 0) {
          return refused(host, `live mode reaches only your cluster's route hosts and API server; ${host} is not where any of them points`, port);
        }
        const viaPin = pin(names[index], port);
        address = viaPin?.address ?? host;
        connectPort = viaPin?.connectPort ?? port;
      } else {
        const denied = await allowedName(host);
        if (denied) return { ...denied, port };
        const ips = await lookup(host);
        if (!Array.isArray(ips)) return { ...ips, port };
        if (ips.length === 0) return { error: 'resolve', host };
        address = ips[0];
        const blocked = await allowedAddress(host, address, port);
        if (blocked) return blocked;
      }
      return exchange(req, { host, address, port: connectPort, secure, timeoutMs: Math.min(config.timeoutMs, req.maxTimeMs ?? Infinity) }, redactor);
    },
  };
}

function exchange(req: HttpRequest, target: { host: string; address: string; port: number; secure: boolean; timeoutMs: number }, redactor: Redactor): Promise<HttpResponse | NetError> {
  const url = new URL(req.url);
  const headers = { ...req.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = url.host;
  const options: https.RequestOptions = {
    host: target.address,
    port: target.port,
    method: req.method,
    path: `${url.pathname}${url.search}`,
    headers,
    timeout: target.timeoutMs,
    // Each curl is a connection of its own, as the real curl opens one per run.
    agent: false,
    ...(target.secure ? { servername: isIP(target.host) ? undefined : target.host, rejectUnauthorized: !req.insecure } : {}),
  };
  const transport = target.secure ? https : http;
  // curl's timings: connection, TLS, first byte and end, in ms since the request started.
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const timing = { lookupMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 0, totalMs: 0 };
  let connected = false;
  return new Promise((resolve) => {
    const request = transport.request(options);
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        timing.connectMs = since();
      });
      socket.once('secureConnect', () => (timing.tlsMs = since()));
    });
    request.on('timeout', () => {
      request.destroy();
      resolve({ error: 'timeout', host: target.host, port: target.port, message: target.address, ...(connected ? { connected: true } : {}) });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const text = `${error.code ?? ''} ${error.message}`;
      if (/CERT|certificate|self.signed|SSL|TLS/i.test(text)) resolve({ error: 'tls', host: target.host, port: target.port, message: target.address });
      else if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') resolve({ error: 'connect', host: target.host, port: target.port, message: target.address });
      else resolve({ error: 'timeout', host: target.host, port: target.port, message: target.address });
    });
    request.on('response', (response) => {
      timing.firstByteMs = since();
      const parts: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) parts.push(chunk);
      });
      response.on('end', () => {
        const raw = response.rawHeaders;
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], redactor.text(raw[i + 1])]);
        resolve({
          httpVersion: response.httpVersion,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: pairs,
          body: redactor.body(Buffer.concat(parts).toString('utf8')),
          remote: { ip: target.address, port: target.port },
          timing: { ...timing, totalMs: since() },
        });
      });
    });
    request.end();
  });
}

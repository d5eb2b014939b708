// curl 7.88.1 on the reader's machine: the lab's network answers (route hosts reach the router,
// other hosts fail as they would), with curl's flags, verbose trace, progress meter and errors.
import type { Command, CommandContext } from '../types.ts';
import type { HttpResponse, NetError } from '../../world/types.ts';
import { routeHosts } from './route-hosts.ts';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface Options {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  insecure: boolean;
  output?: string;
  writeOut?: string;
  method?: string;
  maxTime?: number;
  headers: string[];
}

const FLAGS: Record<string, keyof Options> = { s: 'silent', S: 'showError', i: 'include', I: 'head', v: 'verbose', f: 'fail', k: 'insecure', L: 'silent' };
const LONG_FLAGS: Record<string, keyof Options | null> = { silent: 'silent', 'show-error': 'showError', include: 'include', head: 'head', verbose: 'verbose', fail: 'fail', insecure: 'insecure', location: null, compressed: null };
const VALUES: Record<string, 'output' | 'writeOut' | 'method' | 'maxTime' | 'headers'> = { o: 'output', w: 'writeOut', X: 'method', m: 'maxTime', H: 'headers' };
const LONG_VALUES: Record<string, 'output' | 'writeOut' | 'method' | 'maxTime' | 'headers'> = { output: 'output', 'write-out': 'writeOut', request: 'method', 'max-time': 'maxTime', header: 'headers' };

function parse(args: string[]): Options | string {
  const o: Options = { silent: false, showError: false, include: false, head: false, verbose: false, fail: false, insecure: false, headers: [] };
  const setValue = (key: (typeof VALUES)[string], value: string) => {
    if (key === 'headers') o.headers.push(value);
    else if (key === 'maxTime') o.maxTime = Number(value);
    else o[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (name in LONG_FLAGS) {
        const key = LONG_FLAGS[name];
        if (key) (o[key] as boolean) = true;
      } else if (name in LONG_VALUES) {
        if (i + 1 >= args.length) return `curl: option ${arg}: requires parameter\n${TRY_HELP}`;
        setValue(LONG_VALUES[name], args[++i]);
      } else if (name === 'url') o.url = args[++i];
      else return `curl: option ${arg}: is unknown\n${TRY_HELP}`;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        if (c in FLAGS) {
          if (c !== 'L') (o[FLAGS[c]] as boolean) = true;
        } else if (c in VALUES) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return `curl: option -${c}: requires parameter\n${TRY_HELP}`;
          setValue(VALUES[c], value);
          break;
        } else return `curl: option -${arg.slice(j)}: is unknown\n${TRY_HELP}`;
      }
    } else o.url = arg;
  }
  return o;
}

/** curl's 5-character size/speed column: plain up to 99999, then k and M. */
function size5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 9999 * 1024) return `${Math.round(n / 1024)}k`.padStart(5);
  return `${Math.round(n / 1024 / 1024)}M`.padStart(5);
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const meterLine = (total: number, received: number, speed: number) =>
  `${(total ? (received === total ? '100' : '  0') : '  0')} ${size5(total)}  ${(total ? (received === total ? '100' : '  0') : '  0')} ${size5(received)}    0     0  ${size5(speed)}      0 --:--:-- --:--:-- --:--:-- ${size5(speed)}`;

function failure(error: NetError, o: Options): { code: number; text: string } {
  const port = error.port ?? 80;
  switch (error.error) {
    case 'resolve':
      return { code: 6, text: `curl: (6) Could not resolve host: ${error.host}` };
    case 'connect':
      return { code: 7, text: `curl: (7) Failed to connect to ${error.host} port ${port} after 0 ms: Couldn't connect to server` };
    case 'tls':
      return {
        code: 60,
        text: 'curl: (60) SSL certificate problem: self-signed certificate in certificate chain\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.',
      };
    case 'refused-by-policy':
      return { code: 7, text: `curl: (7) ${error.message ?? `the lab does not reach ${error.host}`}` };
    default: {
      if (error.connected) return { code: 28, text: `curl: (28) Operation timed out after ${Math.round((o.maxTime ?? 0) * 1000) + 1} milliseconds with 0 bytes received` };
      const ms = o.maxTime ? Math.round(o.maxTime * 1000) + 1 : 130_000 + (error.host.length % 7);
      return { code: 28, text: `curl: (28) Failed to connect to ${error.host} port ${port} after ${ms} ms: Couldn't connect to server` };
    }
  }
}

/** -v once connected: the connection and the request as sent. */
function sentTrace(url: URL, ip: string, port: number, method: string, headers: Record<string, string>): string {
  const request = [`${method} ${url.pathname}${url.search} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ''];
  return `* Connected to ${url.hostname} (${ip}) port ${port} (#0)\n${request.map((l) => `> ${l}\r\n`).join('')}`;
}

function headerBlock(response: HttpResponse): string {
  return [`HTTP/${response.httpVersion} ${response.status} ${response.statusText}`, ...response.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `${l}\r\n`).join('') + '\r\n';
}

/** -w's time_* variables: seconds with six decimals, from the world's timing of the exchange. */
function timeVariables(answer: HttpResponse): Record<string, string> {
  const t = answer.timing;
  const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(6);
  return {
    time_namelookup: s(t?.lookupMs),
    time_connect: s(t?.connectMs),
    time_appconnect: s(t?.tlsMs),
    time_pretransfer: s(t && (t.tlsMs || t.connectMs)),
    time_redirect: s(0),
    time_starttransfer: s(t?.firstByteMs),
    time_total: s(t?.totalMs),
  };
}

/** -w: curl's variables this terminal knows, and its escapes; unknown variables are warned about. */
function writeOut(template: string, answer: HttpResponse, facts: { bodyBytes: number; url: string; method: string }): { text: string; warnings: string } {
  const header = (name: string) => answer.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  const headerBytes = new TextEncoder().encode(headerBlock(answer)).length;
  const values: Record<string, string> = {
    http_code: String(answer.status).padStart(3, '0'),
    response_code: String(answer.status).padStart(3, '0'),
    content_type: header('content-type'),
    size_download: String(facts.bodyBytes),
    size_header: String(headerBytes),
    remote_ip: answer.remote.ip,
    remote_port: String(answer.remote.port),
    url_effective: facts.url,
    method: facts.method,
    num_headers: String(answer.headers.length),
    http_version: answer.httpVersion === '1.1' ? '1.1' : answer.httpVersion,
    scheme: facts.url.startsWith('https:') ? 'HTTPS' : 'HTTP',
    exitcode: '0',
    ...timeVariables(answer),
  };
  let warnings = '';
  const text = template
    .replace(/%\{([a-z_]+)\}/g, (whole, name: string) => {
      if (name in values) return values[name];
      warnings += `curl: unknown --write-out variable: '${name}'\n`;
      return '';
    })
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!);
  return { text, warnings };
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr.write(o);
    return 2;
  }
  if (!o.url) {
    ctx.stderr.write(`curl: no URL specified!\n${TRY_HELP}`);
    return 2;
  }
  const raw = /^[a-z]+:\/\//i.test(o.url) ? o.url : `http://${o.url}`;
  let url: URL;
  try {
    url = new URL(raw);
    if (!['http:', 'https:'].includes(url.protocol)) {
      ctx.stderr.write(o.silent && !o.showError ? '' : `curl: (1) Protocol "${url.protocol.slice(0, -1)}" not supported or disabled in libcurl\n`);
      return 1;
    }
  } catch {
    if (!o.silent || o.showError) ctx.stderr.write('curl: (3) URL using bad/illegal format or missing URL\n');
    return 3;
  }
  const meter = !o.silent && !ctx.tty && !o.verbose;
  const hostHeader = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  const requestHeaders: Record<string, string> = { Host: hostHeader, 'User-Agent': `curl/${VERSION}`, Accept: '*/*' };
  for (const h of o.headers) {
    const colon = h.indexOf(':');
    if (colon > 0) requestHeaders[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
  }
  const answer = await ctx.world.http({ method, url: url.toString(), headers: requestHeaders, insecure: o.insecure, ...(o.maxTime ? { maxTimeMs: o.maxTime * 1000 } : {}) });
  let trace = meter ? `${METER_HEAD}\r${meterLine(0, 0, 0)}` : '';
  if ('error' in answer) {
    const { code, text } = failure(answer, o);
    if (o.verbose) {
      trace += answer.error === 'resolve' ? `* Could not resolve host: ${answer.host}\n` : `*   Trying ${answer.message ?? answer.host}:${answer.port ?? 80}...\n`;
      if (answer.connected) trace += `${sentTrace(url, answer.message ?? answer.host, answer.port ?? 80, method, requestHeaders)}* ${text.replace(/^curl: \(\d+\) /, '')}\n`;
      trace += '* Closing connection 0\n';
    }
    // curl does not end the meter's line before its error message (curl 7.88, checked against it).
    ctx.stderr.write(trace + (!o.silent || o.showError ? `${text}\n` : ''));
    return code;
  }
  const port = answer.remote.port;
  if (o.verbose) {
    trace += `*   Trying ${answer.remote.ip}:${port}...\n${sentTrace(url, answer.remote.ip, port, method, requestHeaders)}`;
    trace += headerBlock(answer).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join('');
  }
  ctx.stderr.write(trace);
  const bodyBytes = new TextEncoder().encode(answer.body).length;
  if (o.fail && answer.status >= 400) {
    const end = meter ? `\r${meterLine(bodyBytes, 0, 0)}\n` : '';
    ctx.stderr.write(`${end}${!o.silent || o.showError ? `curl: (22) The requested URL returned error: ${answer.status}\n` : ''}`);
    return 22;
  }
  let out = o.include || o.head ? headerBlock(answer) : '';
  if (!o.head) out += answer.body;
  // -w writes to stdout even when -o sends the body elsewhere.
  let written = '';
  if (o.writeOut) {
    const filled = writeOut(o.writeOut, answer, { bodyBytes, url: url.href, method });
    written = filled.text;
    ctx.stderr.write(filled.warnings);
  }
  if (o.output !== '/dev/null' && o.output !== undefined && o.output !== '-') {
    ctx.stderr.write(`Warning: Failed to open the file ${o.output}: Read-only file system\ncurl: (23) Failure writing output to destination\n`);
    return 23;
  }
  ctx.stdout.write((o.output === '/dev/null' ? '' : out) + written);
  const tail = [meter ? `\r${meterLine(bodyBytes, bodyBytes, bodyBytes * 25)}\n` : '', o.verbose ? `* Connection #0 to host ${url.hostname} left intact\n` : ''].join('');
  ctx.stderr.write(tail);
  return 0;
}

export const curl: Command = {
  name: 'curl',
  summary: 'Transfer a URL (HTTP from the reader\'s machine: -s -S -i -I -v -H -o -w -f -k -m -X).',
  run,
  async complete(words, session) {
    const items = await routeHosts(session);
    const current = words[words.length - 1];
    return current.startsWith('-') ? ['-s', '-S', '-i', '-I', '-v', '-H', '-o', '-w', '-f', '-k', '-m', '-X'] : items.flatMap((h) => [`http://${h}/`, `http://${h}/api/ip`]);
  },
};

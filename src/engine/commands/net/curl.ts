// curl 7.88.1 on the reader's machine: the lab's network answers (route hosts reach the router,
// other hosts fail as they would), with curl's flags, verbose trace, progress meter and errors.
// -L follows redirects one hop at a time, each hop a request of its own to the world, so that the
// lab's network answers every hop and live mode's policy judges every one; -m is one limit over
// the whole run, redirects included, as it is for curl.
import type { Command, CommandContext } from '../types.ts';
import type { HttpResponse, NetError } from '../../world/types.ts';
import { routeHosts } from './route-hosts.ts';
import { CURL_LONG_FLAGS, CURL_LONG_WITH_VALUE, CURL_SHORT_FLAGS, CURL_SHORT_WITH_VALUE } from './curl-options.ts';
import { carriedHeaders, clearAuthNote, keepsConnection, locationOf, redirectTarget, type RedirectFailure } from './curl-redirect.ts';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** curl's default --max-redirs. */
const MAX_REDIRS = 50;
/** -v names the connection bundle it reuses by its address in memory; any pointer reads the same. */
export const BUNDLE = '0x55f1c3a0e2b0';

interface Options {
  /** The URLs in the order given; each is its own transfer. */
  urls: string[];
  /** -o's files in the order given: the first for the first URL, and so on. */
  outputs: string[];
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  insecure: boolean;
  location: boolean;
  /** --fail-with-body: fail on an HTTP error, after writing its body. */
  failWithBody: boolean;
  writeOut?: string;
  /** -D: where the answers' headers go ('-': standard output). */
  dumpHeader?: string;
  userAgent?: string;
  referer?: string;
  /** --resolve HOST:PORT:ADDRESS entries. */
  resolve: string[];
  /** --connect-timeout, in seconds. */
  connectTimeout?: number;
  method?: string;
  maxTime?: number;
  /** -1: no limit. */
  maxRedirs: number;
  headers: string[];
}

type Flag = 'silent' | 'showError' | 'include' | 'head' | 'verbose' | 'fail' | 'insecure' | 'location' | 'failWithBody';
type Valued = 'outputs' | 'writeOut' | 'method' | 'maxTime' | 'maxRedirs' | 'headers' | 'dumpHeader' | 'userAgent' | 'referer' | 'resolve' | 'connectTimeout';

const FLAGS: Record<string, Flag> = { s: 'silent', S: 'showError', i: 'include', I: 'head', v: 'verbose', f: 'fail', k: 'insecure', L: 'location' };
const LONG_FLAGS: Record<string, Flag | null> = { silent: 'silent', 'show-error': 'showError', include: 'include', head: 'head', verbose: 'verbose', fail: 'fail', 'fail-with-body': 'failWithBody', insecure: 'insecure', location: 'location', compressed: null };
const VALUES: Record<string, Valued> = { o: 'outputs', w: 'writeOut', X: 'method', m: 'maxTime', H: 'headers', D: 'dumpHeader', A: 'userAgent', e: 'referer' };
const LONG_VALUES: Record<string, Valued> = {
  output: 'outputs',
  'write-out': 'writeOut',
  request: 'method',
  'max-time': 'maxTime',
  'max-redirs': 'maxRedirs',
  header: 'headers',
  'dump-header': 'dumpHeader',
  'user-agent': 'userAgent',
  referer: 'referer',
  resolve: 'resolve',
  'connect-timeout': 'connectTimeout',
};

/** -m's seconds as curl reads them (C's strtod: decimals, exponents, hexadecimal), or what is wrong. */
function seconds(value: string): number | 'proper' | 'positive' {
  const m = /^\s*([+-]?)(0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i.exec(value);
  if (!m) return 'proper';
  const n = /^0x/i.test(m[2]) ? parseInt(m[2], 16) : Number(m[2]);
  return m[1] === '-' && n !== 0 ? 'positive' : n;
}

/** --max-redirs as curl reads it (C's strtol, base 10; -1 means no limit), or undefined. */
function redirs(value: string): number | undefined {
  if (!/^\s*[+-]?\d+$/.test(value)) return undefined;
  const n = Number(value.trim());
  return n < -1 ? undefined : n;
}

/** --help: curl's usage line and its own lines for the options this terminal's curl takes. */
const HELP = `Usage: curl [options...] <url>
     --connect-timeout <fractional seconds> Maximum time allowed for connection
 -D, --dump-header <filename> Write the received headers to <filename>
 -f, --fail               Fail fast with no output on HTTP errors
     --fail-with-body     Fail on HTTP errors but save the body
 -I, --head               Show document info only
 -H, --header <header/@file> Pass custom header(s) to server
 -i, --include            Include protocol response headers in the output
 -k, --insecure           Allow insecure server connections
 -L, --location           Follow redirects
     --max-redirs <num>   Maximum number of redirects allowed
 -m, --max-time <fractional seconds> Maximum time allowed for transfer
 -o, --output <file>      Write to file instead of stdout
 -e, --referer <URL>      Referrer URL
 -O, --remote-name        Write output to a file named as the remote file
 -X, --request <method>   Specify request method to use
     --resolve <[+]host:port:addr[,addr]...> Resolve the host+port to this address
 -S, --show-error         Show error even when -s is used
 -s, --silent             Silent mode
     --url <url>          URL to work with
 -A, --user-agent <name>  Send User-Agent <name> to server
 -v, --verbose            Make the operation more talkative
 -w, --write-out <format> Use output FORMAT after completion

This lab terminal's curl takes the options above (curl 7.88.1's words); the others are not available in this lab.
`;

/** --version: Debian 12's curl 7.88.1, as it says it. */
const VERSION_TEXT = `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

/** What parse returns for --version. */
const VERSION_WANTED = '\0version';

/** What parse returns for --help (the help is printed on standard output, exit 0). */
const HELP_WANTED = '\0help';

/** -O's place among the outputs: the file is named after the URL's last path segment. */
const REMOTE_NAME = '\0remote-name';

/** An option curl knows that this terminal does not implement. */
const notHere = (spelled: string) => `curl: option ${spelled}: is not available in this lab terminal (curl --help lists what is)\n${TRY_HELP}`;

function parse(args: string[]): Options | string {
  const o: Options = { urls: [], outputs: [], silent: false, showError: false, include: false, head: false, verbose: false, fail: false, failWithBody: false, insecure: false, location: false, maxRedirs: MAX_REDIRS, headers: [], resolve: [] };
  /** Sets an option from its value; an error text when curl would refuse the value. */
  const setValue = (key: Valued, value: string, spelled: string): string | undefined => {
    const badNumber = (kind: string) => `curl: option ${spelled}: expected a ${kind} numerical parameter\n${TRY_HELP}`;
    if (key === 'headers' || key === 'outputs' || key === 'resolve') o[key].push(value);
    else if (key === 'maxTime' || key === 'connectTimeout') {
      const n = seconds(value);
      if (typeof n === 'string') return badNumber(n);
      o[key] = n;
    } else if (key === 'maxRedirs') {
      const n = redirs(value);
      if (n === undefined) return badNumber('proper');
      o.maxRedirs = n;
    } else o[key] = value;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return HELP_WANTED;
    if (arg === '--version' || arg === '-V') return VERSION_WANTED;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (name in LONG_FLAGS) {
        const key = LONG_FLAGS[name];
        if (key) o[key] = true;
      } else if (name in LONG_VALUES) {
        if (i + 1 >= args.length) return `curl: option ${arg}: requires parameter\n${TRY_HELP}`;
        const refused = setValue(LONG_VALUES[name], args[++i], arg);
        if (refused) return refused;
      } else if (name === 'url') o.urls.push(args[++i]);
      else if (name === 'remote-name') o.outputs.push(REMOTE_NAME);
      else if (CURL_LONG_WITH_VALUE.has(name)) return i + 1 >= args.length ? `curl: option ${arg}: requires parameter\n${TRY_HELP}` : notHere(arg);
      else if (CURL_LONG_FLAGS.has(name)) return notHere(arg);
      else return `curl: option ${arg}: is unknown\n${TRY_HELP}`;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        if (c in FLAGS) o[FLAGS[c]] = true;
        else if (c in VALUES) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return `curl: option -${c}: requires parameter\n${TRY_HELP}`;
          const refused = setValue(VALUES[c], value, `-${c}`);
          if (refused) return refused;
          break;
        } else if (c === 'O') o.outputs.push(REMOTE_NAME);
        else if (CURL_SHORT_WITH_VALUE.has(c)) return j + 1 >= arg.length && i + 1 >= args.length ? `curl: option -${c}: requires parameter\n${TRY_HELP}` : notHere(`-${c}`);
        else if (CURL_SHORT_FLAGS.has(c)) return notHere(`-${c}`);
        else return `curl: option -${arg.slice(j)}: is unknown\n${TRY_HELP}`;
      }
    } else o.urls.push(arg);
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
const percent = (total: number, received: number) => String(total ? Math.floor((received * 100) / total) : 0).padStart(3);
const meterLine = (total: number, received: number, speed: number) =>
  `${percent(total, received)} ${size5(total)}  ${percent(total, received)} ${size5(received)}    0     0  ${size5(speed)}      0 --:--:-- --:--:-- --:--:-- ${size5(speed)}`;

const byteLength = (text: string) => new TextEncoder().encode(text).length;
const header = (answer: HttpResponse, name: string) => answer.headers.find(([k]) => k.toLowerCase() === name)?.[1];

/** The bytes a partial answer announced, when it announced them (curl's "X out of Y bytes"). */
function announced(error: NetError): number | undefined {
  const length = error.partial && header(error.partial.response, 'content-length');
  return length !== undefined && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
}

/** curl's exit code and message for a failed exchange; `spentMs`: the hops before this one.
 * `elapsedMs`: when curl gave up, since the run started, where its message says (-w's time_total). */
function failure(error: NetError, o: Options, spentMs: number): { code: number; text: string; elapsedMs?: number; connectTimeoutMs?: number } {
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
    case 'too-large':
      return { code: 63, text: 'curl: (63) Maximum file size exceeded' };
    case 'closed': {
      const total = announced(error);
      const got = error.partial?.bodyBytes ?? 0;
      return { code: 18, text: total === undefined ? 'curl: (18) transfer closed with outstanding read data remaining' : `curl: (18) transfer closed with ${total - got} bytes remaining to read` };
    }
    default: {
      // --connect-timeout, when it is the nearer limit: the connection is given up at it.
      const connectLimit = o.connectTimeout ? o.connectTimeout * 1000 : undefined;
      if (connectLimit !== undefined && !error.connected && !error.resolving && error.limitMs === undefined && !(o.maxTime && o.maxTime * 1000 <= connectLimit)) {
        return { code: 28, text: `curl: (28) Failed to connect to ${error.host} port ${port} after ${connectLimit} ms: Timeout was reached`, elapsedMs: connectLimit, connectTimeoutMs: connectLimit };
      }
      // The limit that ended it: the world's own (live mode's, covering what -m left for this
      // hop), else -m's. curl's timer fires a millisecond past it.
      const limit = error.limitMs !== undefined ? spentMs + error.limitMs : o.maxTime ? o.maxTime * 1000 : undefined;
      if (limit === undefined) {
        // The system gives up on the connection (its own timeout); the message counts this hop alone.
        const after = 130_000 + (error.host.length % 7);
        return { code: 28, text: `curl: (28) Failed to connect to ${error.host} port ${port} after ${after} ms: Couldn't connect to server`, elapsedMs: spentMs + after };
      }
      const ms = Math.round(limit) + 1;
      if (error.resolving) return { code: 28, text: `curl: (28) Resolving timed out after ${ms} milliseconds`, elapsedMs: ms };
      if (!error.connected) return { code: 28, text: `curl: (28) Connection timed out after ${ms} milliseconds`, elapsedMs: ms };
      const got = error.partial?.bodyBytes ?? 0;
      const total = announced(error);
      return { code: 28, text: `curl: (28) Operation timed out after ${ms} milliseconds with ${got}${total === undefined ? '' : ` out of ${total}`} bytes received`, elapsedMs: ms };
    }
  }
}

/** -v: the request as sent. */
function requestTrace(url: URL, method: string, request: Request): string {
  const head = [`${method} ${url.pathname}${url.search} HTTP/1.1`, ...request.lines, ''];
  return head.map((l) => `> ${l}\r\n`).join('');
}

function headerBlock(response: HttpResponse): string {
  return [`HTTP/${response.httpVersion} ${response.status} ${response.statusText}`, ...response.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `${l}\r\n`).join('') + '\r\n';
}

/** The headers -i or -I write; with -D - as well, each line goes out twice as it comes (once for
 * each), as curl writes them. */
function shownHeaders(response: HttpResponse, o: Options): string {
  const block = headerBlock(response);
  return o.dumpHeader === '-' ? block.split(/(?<=\r\n)/).map((line) => line + line).join('') : block;
}

/** Facts -v tells about a hop's connection. */
interface HopTrace {
  url: URL;
  /** curl's connection number (#0, #1…). */
  number: number;
  /** The last hop's connection is reused (same scheme, host and port, kept open). */
  reused: boolean;
  /** The name was looked up by an earlier hop. */
  cached: boolean;
  /** curl -m is set: a connection that times out says so. */
  timed: boolean;
}

/** -v's lines before a request: the connection reused, or a new one tried (and made, when `made`). */
function connectionTrace(hop: HopTrace, ip: string, port: number, made: boolean): string {
  const host = hop.url.hostname;
  if (hop.reused) return `* Found bundle for host: ${BUNDLE} [serially]\n* Can not multiplex, even if we wanted to\n* Re-using existing connection #${hop.number} with host ${host}\n`;
  const cached = hop.cached ? `* Hostname ${host} was found in DNS cache\n` : '';
  return `${cached}*   Trying ${ip}:${port}...\n${made ? `* Connected to ${host} (${ip}) port ${port} (#${hop.number})\n` : ''}`;
}

/** -v's lines for a hop that failed: what was tried and sent, what came, why it ended. */
function failureTrace(error: NetError, text: string, hop: HopTrace, request: string, connectTimeoutMs?: number): string {
  if (error.error === 'refused-by-policy') return '';
  if (error.error === 'resolve') return `* Could not resolve host: ${error.host}\n* Closing connection ${hop.number}\n`;
  const made = Boolean(error.connected || error.partial);
  const ip = error.message ?? error.host;
  const port = error.port ?? 80;
  let trace = connectionTrace(hop, ip, port, made);
  if (made) trace += request;
  if (error.partial) trace += responseTrace(error.partial.response);
  // The system's own word on a connection that failed, before curl's (a refusal, or no answer at all).
  if (connectTimeoutMs !== undefined) trace += `* ipv4 connect timeout after ${connectTimeoutMs}ms, move on!\n`;
  const unlimited = error.error === 'timeout' && !made && error.limitMs === undefined && !hop.timed && connectTimeoutMs === undefined;
  if (error.error === 'connect' || unlimited) trace += `* connect to ${ip} port ${port} failed: ${error.error === 'connect' ? 'Connection refused' : 'Connection timed out'}\n`;
  return `${trace}* ${text.split('\n')[0].replace(/^curl: \(\d+\) /, '')}\n* Closing connection ${hop.number}\n`;
}

const responseTrace = (response: HttpResponse) =>
  headerBlock(response)
    .split('\r\n')
    .slice(0, -1)
    .map((l) => `< ${l}\r\n`)
    .join('');

/** What -w reads: the last answer (or what came of it), and facts about the whole run. */
interface Outcome {
  answer?: HttpResponse;
  /** Where the connection went when no answer came over it. */
  remote?: { ip: string; port: number };
  bodyBytes: number;
  /** The URL last asked for (a URL curl could not parse: as given). */
  url: { href: string; protocol: string };
  /** The URL as the command line gave it, and its place there (from 0). */
  given?: string;
  urlnum?: number;
  /** Where -o sent the body ('' for standard output). */
  filename?: string;
  /** OpenSSL's verdict on the server's certificate (19: a self-signed certificate in the chain, as
   * the router's default one is), 0 when no TLS handshake took place. */
  sslVerify?: number;
  /** Connections this transfer opened, and the bytes of its requests. */
  connects?: number;
  requestBytes?: number;
  method: string;
  exitCode: number;
  /** The status of the hop before, when this one failed before its answer: curl keeps reporting it. */
  previousStatus?: number;
  /** curl's message for the failure (-w's errormsg), '' after a success. */
  errorText: string;
  redirects: number;
  redirectUrl: string;
  /** Each phase's time summed over the hops, as curl adds them up; ms. */
  times: { lookupMs: number; connectMs: number; tlsMs: number; pretransferMs: number; firstByteMs: number; redirectMs: number; totalMs: number };
}

/** -w: curl's variables this terminal knows, and its escapes; unknown variables are warned about. */
function writeOut(template: string, run: Outcome): { text: string; errText: string; warnings: string } {
  const answer = run.answer;
  const s = (ms: number) => (ms / 1000).toFixed(6);
  const status = String(answer?.status ?? run.previousStatus ?? 0).padStart(3, '0');
  const values: Record<string, string> = {
    http_code: status,
    response_code: status,
    content_type: (answer && header(answer, 'content-type')) ?? '',
    size_download: String(run.bodyBytes),
    size_header: String(answer ? byteLength(headerBlock(answer)) : 0),
    remote_ip: (answer?.remote ?? run.remote)?.ip ?? '',
    remote_port: String((answer?.remote ?? run.remote)?.port ?? 0),
    url_effective: run.url.href,
    method: run.method,
    num_headers: String(answer?.headers.length ?? 0),
    num_redirects: String(run.redirects),
    redirect_url: run.redirectUrl,
    http_version: answer?.httpVersion ?? '0',
    scheme: run.url.protocol === 'https:' ? 'HTTPS' : 'HTTP',
    exitcode: String(run.exitCode),
    errormsg: run.errorText,
    time_namelookup: s(run.times.lookupMs),
    time_connect: s(run.times.connectMs),
    time_appconnect: s(run.times.tlsMs),
    time_pretransfer: s(run.times.pretransferMs),
    time_redirect: s(run.times.redirectMs),
    time_starttransfer: s(run.times.firstByteMs),
    time_total: s(run.times.totalMs),
    url: run.given ?? run.url.href,
    urlnum: String(run.urlnum ?? 0),
    filename_effective: run.filename ?? '',
    num_connects: String(run.connects ?? 0),
    size_request: String(run.requestBytes ?? 0),
    size_upload: '0',
    http_connect: '000',
    ssl_verify_result: String(run.sslVerify ?? 0),
    proxy_ssl_verify_result: '0',
  };
  let warnings = '';
  // Read left to right: %{onerror} ends the text on success, %{stderr} and %{stdout} choose where
  // the rest goes, %header{NAME} is an answer's header, %% a percent sign.
  const out = { text: '', errText: '' };
  let toErr = false;
  const token = /%\{([a-z_]+)\}|%header\{([^}]*)\}|%%|\\([nrt\\])|[^%\\]+|[%\\]/g;
  for (const m of template.matchAll(token)) {
    let piece = m[0];
    if (m[1] !== undefined) {
      const name = m[1];
      if (name === 'onerror') {
        if (run.exitCode === 0) break;
        continue;
      }
      if (name === 'stderr' || name === 'stdout') {
        toErr = name === 'stderr';
        continue;
      }
      if (name in values) piece = values[name];
      else {
        warnings += `curl: unknown --write-out variable: '${name}'\n`;
        piece = '';
      }
    } else if (m[2] !== undefined) {
      const wanted = m[2].toLowerCase();
      piece = (answer?.headers ?? []).filter(([k]) => k.toLowerCase() === wanted).map(([, v]) => v).join(', ');
    } else if (piece === '%%') piece = '%';
    else if (m[3] !== undefined) piece = { n: '\n', r: '\r', t: '\t', '\\': '\\' }[m[3]]!;
    if (toErr) out.errText += piece;
    else out.text += piece;
  }
  return { ...out, warnings };
}

/** What one curl run keeps from transfer to transfer, redirects and URLs alike: the connection the
 * last exchange left open (-v says when the next one reuses it), how many it opened, the names it
 * looked up. */
interface Pool {
  /** The place of the URL being transferred on the command line. */
  urlnum: number;
  open?: { key: string; number: number };
  connections: number;
  looked: Set<string>;
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (o === HELP_WANTED || o === VERSION_WANTED) {
    ctx.stdout.write(o === HELP_WANTED ? HELP : VERSION_TEXT);
    return 0;
  }
  if (typeof o === 'string') {
    ctx.stderr.write(o);
    return 2;
  }
  if (o.urls.length === 0) {
    // With no argument at all, curl only points at its help.
    ctx.stderr.write(ctx.argv.length > 1 ? `curl: no URL specified!\n${TRY_HELP}` : TRY_HELP);
    return 2;
  }
  const resolved = new Map<string, string>();
  for (const entry of o.resolve) {
    const m = /^([^:]+):(\d+):(.+)$/.exec(entry);
    if (!m) continue;
    resolved.set(`${m[1].toLowerCase()}:${m[2]}`, m[3]);
    if (o.verbose) ctx.stderr.write(`* Added ${entry} to DNS cache\n`);
  }
  // Each URL is a transfer of its own, one after the other; the last one's result is curl's.
  let code = 0;
  const pool: Pool = { urlnum: 0, connections: 0, looked: new Set() };
  for (const [i, url] of o.urls.entries()) {
    pool.urlnum = i;
    code = await one(ctx, o, url, o.outputs[i], resolved, pool);
  }
  return code;
}

/** One URL: checked as curl checks it, then transferred. */
async function one(ctx: CommandContext, o: Options, given: string, output: string | undefined, resolved: Map<string, string>, pool: Pool): Promise<number> {
  const raw = /^[a-z]+:\/\//i.test(given) ? given : `http://${given}`;
  /** A URL that fails before any transfer: its error, then -w as after any failure. */
  const refuse = (code: number, text: string): number => {
    if (!o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${text}\n`);
    if (o.writeOut) {
      const zero = { lookupMs: 0, connectMs: 0, tlsMs: 0, pretransferMs: 0, firstByteMs: 0, redirectMs: 0, totalMs: 0 };
      const filled = writeOut(o.writeOut, { bodyBytes: 0, url: { href: given, protocol: '' }, given, urlnum: pool.urlnum, filename: output === REMOTE_NAME ? '' : (output ?? ''), method: o.method ?? (o.head ? 'HEAD' : 'GET'), exitCode: code, errorText: text, redirects: 0, redirectUrl: '', times: zero });
      ctx.stderr.write(filled.warnings + filled.errText);
      ctx.stdout.write(filled.text);
    }
    return code;
  };
  let first: URL;
  try {
    first = new URL(raw);
  } catch {
    // A dotted number that is no IPv4 address is a host name to curl, which no DNS holds.
    const host = /^[a-z]+:\/\/(?:[^@/]*@)?([^/:?#]*)/i.exec(raw)?.[1];
    if (host && /^[\d.]+$/.test(host)) return refuse(6, `Could not resolve host: ${host}`);
    return refuse(3, 'URL using bad/illegal format or missing URL');
  }
  if (!['http:', 'https:'].includes(first.protocol)) return refuse(1, `Protocol "${first.protocol.slice(0, -1)}" not supported or disabled in libcurl`);
  // -O: the file takes the URL's last path segment as its name (on the lab's read-only disk).
  const file = output === REMOTE_NAME ? decodeURIComponent(first.pathname.split('/').pop() ?? '') : output;
  return transfer(ctx, o, first, file, resolved, pool);
}

/** A request's headers: as the world takes them (values trimmed), and as curl sends them (-v). */
interface Request {
  headers: Record<string, string>;
  lines: string[];
}

/** -H "Name;": the header is sent with an empty value. */
const EMPTY_HEADER = '\0empty';

/** The request's headers in curl's order: Host, User-Agent, Accept and Referer, each left out when
 * the reader gives one of that name (-H), then the reader's own in the order given (a custom Host
 * takes the first place instead). */
function requestHeadersFor(o: Options, host: string, custom: Array<[string, string]>): Request {
  const given = new Set(custom.map(([name]) => name.toLowerCase()));
  const own: Array<[string, string]> = [['User-Agent', o.userAgent ?? `curl/${VERSION}`], ['Accept', '*/*']];
  if (o.referer !== undefined) own.push(['Referer', o.referer]);
  const request: Request = { headers: {}, lines: [] };
  const add = (name: string, value: string, line = `${name}: ${value}`) => {
    request.headers[name] = value;
    request.lines.push(line);
  };
  const customHost = custom.find(([name]) => name.toLowerCase() === 'host');
  if (customHost === undefined) add('Host', host);
  else if (customHost[1].trim() !== '') add(customHost[0], customHost[1].trim(), `${customHost[0]}:${customHost[1]}`);
  for (const [name, value] of own) if (!given.has(name.toLowerCase())) add(name, value);
  for (const [name, rest] of custom) {
    if (name.toLowerCase() === 'host') continue;
    // "Name;" sends the header empty; "Name:" with nothing after it only removes curl's own.
    if (rest === EMPTY_HEADER) add(name, '', `${name}:`);
    else if (rest.trim() !== '') add(name, rest.trim(), `${name}:${rest}`);
  }
  return request;
}

/** The exchanges of one curl run: the first URL and, with -L, every redirect after it. */
async function transfer(ctx: CommandContext, o: Options, first: URL, output: string | undefined, resolved: Map<string, string>, pool: Pool): Promise<number> {
  // The progress meter, off a terminal and without -s (-v traces between its lines).
  const meter = !o.silent && !ctx.tty;
  const showErrors = !o.silent || o.showError;
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  // Each -H as the name and the text after its colon, sent as written (or "Name;": empty).
  const custom = o.headers.flatMap((h): Array<[string, string]> => {
    const colon = h.indexOf(':');
    if (colon > 0) return [[h.slice(0, colon).trim(), h.slice(colon + 1)]];
    const semicolon = /^([^:;\s]+);\s*$/.exec(h);
    return semicolon ? [[semicolon[1], EMPTY_HEADER]] : [];
  });
  // Headers and bodies go to stdout, nowhere with -o /dev/null; another file fails (23) at the end.
  const toFile = output !== undefined && output !== '/dev/null' && output !== '-';
  const emit = (text: string) => {
    if (output === undefined || output === '-') ctx.stdout.write(text);
  };
  /** -D -: every answer's headers on standard output, whatever -o says. */
  const dump = (answer: HttpResponse) => {
    if (o.dumpHeader === '-' && !(o.include || o.head)) ctx.stdout.write(headerBlock(answer));
  };
  const times: Outcome['times'] = { lookupMs: 0, connectMs: 0, tlsMs: 0, pretransferMs: 0, firstByteMs: 0, redirectMs: 0, totalMs: 0 };
  let url = first;
  let redirects = 0;
  let previousStatus: number | undefined;
  /** Connections this transfer established (a connection that never came up is not counted). */
  let established = 0;
  let requestBytes = 0;

  /** Ends the run: -w's text after everything else, and the exit code. */
  const finish = (outcome: Omit<Outcome, 'url' | 'method' | 'redirects' | 'times' | 'errorText'> & { errorText?: string }): number => {
    if (o.writeOut) {
      // The lab's router presents its default certificate, whose CA is its own (fixture labs only).
      const handshake = url.protocol === 'https:' && ctx.world.source === 'fixture' && (outcome.answer !== undefined || outcome.exitCode === 60);
      const filled = writeOut(o.writeOut, { errorText: '', sslVerify: handshake ? 19 : 0, ...outcome, url, method, redirects, times, given: first.href, urlnum: pool.urlnum, filename: output ?? '', connects: established, requestBytes });
      ctx.stderr.write(filled.warnings + filled.errText);
      ctx.stdout.write(filled.text);
    }
    return outcome.exitCode;
  };
  /** A redirect that curl does not follow: its error, after -v's line for it. */
  const stop = (answer: HttpResponse, bodyBytes: number, failed: RedirectFailure, redirectUrl = ''): number => {
    const text = `curl: (${failed.code}) ${failed.text}`;
    ctx.stderr.write(`${o.verbose ? `* ${failed.text}\n` : ''}${showErrors ? `${text}\n` : ''}`);
    return finish({ answer, bodyBytes, exitCode: failed.code, redirectUrl, errorText: failed.text });
  };

  // -D FILE: the lab's file system is read-only, so the file cannot be opened and nothing is sent.
  if (o.dumpHeader !== undefined && o.dumpHeader !== '-') {
    const text = 'Failed writing received data to disk/application';
    ctx.stderr.write(`${o.silent ? '' : `Warning: Failed to open ${o.dumpHeader}\n`}${showErrors ? `curl: (23) ${text}\n` : ''}`);
    return finish({ bodyBytes: 0, exitCode: 23, redirectUrl: '', errorText: text });
  }

  if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0)}`);
  for (;;) {
    const hostHeader = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    const request = requestHeadersFor(o, hostHeader, carriedHeaders(custom, first, url));
    const requestHeaders = request.headers;
    /** The request went out: its bytes count (-w size_request), and a new connection with them. */
    const sent = () => {
      requestBytes += byteLength(requestTrace(url, method, request).replace(/^> /gm, ''));
      if (!hop.reused) established += 1;
    };
    const key = `${url.protocol}//${hostHeader}`;
    const reused = pool.open?.key === key;
    // --resolve: this host and port connect to the address given, as if the name had been looked up.
    const pinned = resolved.get(`${url.hostname.toLowerCase()}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`);
    // curl's DNS cache holds a name with its port: the same name on another port is looked up again.
    const lookup = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
    const hop: HopTrace = { url, number: reused ? pool.open!.number : pool.connections++, reused, cached: pool.looked.has(lookup) || pinned !== undefined, timed: Boolean(o.maxTime) };
    pool.looked.add(lookup);
    const left = o.maxTime ? o.maxTime * 1000 - times.totalMs : undefined;
    const target = new URL(url);
    if (pinned !== undefined) target.hostname = pinned;
    const answer = await ctx.world.http({ method, url: target.toString(), headers: requestHeaders, insecure: o.insecure, ...(left !== undefined ? { maxTimeMs: Math.max(0, left) } : {}) });

    if ('error' in answer) {
      if (answer.connected || answer.partial) sent();
      const { code, text, elapsedMs, connectTimeoutMs } = failure(answer, o, times.totalMs);
      // -w is still written after a failure (http_code 000), its time_total the time curl waited.
      if (elapsedMs !== undefined) times.totalMs = Math.max(times.totalMs, elapsedMs);
      const partial = answer.partial;
      if (o.verbose) ctx.stderr.write(failureTrace(answer, text, hop, requestTrace(url, method, request), connectTimeoutMs));
      if (partial) {
        // What came before the end is printed, as curl writes it while it comes.
        emit(`${o.include || o.head ? shownHeaders(partial.response, o) : ''}${o.head ? '' : partial.response.body}`);
        if (meter) ctx.stderr.write(`\r${meterLine(announced(answer) ?? 0, partial.bodyBytes, 0)}\n`);
      }
      // curl does not end the meter's line before its error message (curl 7.88, checked against it),
      // except after a TLS handshake it gave up on: the meter is drawn once more, and its line ended.
      if (meter && answer.error === 'tls') ctx.stderr.write(`\r${meterLine(0, 0, 0)}\n`);
      if (showErrors) ctx.stderr.write(`${text}\n`);
      const remote = answer.connected ? { ip: answer.message ?? '', port: answer.port ?? 0 } : undefined;
      return finish({ answer: partial?.response, previousStatus, remote, bodyBytes: partial?.bodyBytes ?? 0, exitCode: code, redirectUrl: '', errorText: text.split('\n')[0].replace(/^curl: \(\d+\) /, '') });
    }

    sent();
    const t = answer.timing;
    if (t) {
      if (!reused) {
        times.lookupMs += t.lookupMs;
        times.connectMs += t.connectMs;
        times.tlsMs += t.tlsMs;
      }
      times.pretransferMs += t.tlsMs || t.connectMs;
      times.firstByteMs += t.firstByteMs;
      times.totalMs += t.totalMs;
    }
    const port = answer.remote.port;
    const bodyBytes = byteLength(answer.body);
    const location = locationOf(answer);
    const next = location === undefined ? undefined : redirectTarget(location, url);
    const follow = o.location && next !== undefined;
    const keep = keepsConnection(answer);
    pool.open = keep ? { key, number: hop.number } : undefined;
    const closing = `${keep ? `* Connection #${hop.number} to host ${url.hostname} left intact` : `* Closing connection ${hop.number}`}\n`;
    if (o.verbose) {
      let trace = `${connectionTrace(hop, answer.remote.ip, port, true)}${requestTrace(url, method, request)}${responseTrace(answer)}`;
      // A redirect's body is skipped, when it has one.
      if (follow) trace += `${bodyBytes > 0 ? '* Ignoring the response-body\n' : ''}${closing}`;
      // Off a terminal, curl notes the body it does not trace (curl 7.88's "{ [N bytes data]").
      else if (!ctx.tty && bodyBytes > 0 && method !== 'HEAD') trace += `{ [${bodyBytes} bytes data]\n`;
      ctx.stderr.write(trace);
    }
    dump(answer);
    if ((o.fail || o.failWithBody) && answer.status >= 400) {
      // --fail-with-body writes what came first; -f only the headers -i or -I asked for.
      if (!toFile) emit(`${o.include || o.head ? shownHeaders(answer, o) : ''}${o.failWithBody && !o.head ? answer.body : ''}`);
      const end = meter ? `\r${meterLine(bodyBytes, 0, 0)}\n` : '';
      const text = `The requested URL returned error: ${answer.status}`;
      ctx.stderr.write(`${end}${showErrors ? `curl: (22) ${text}\n` : ''}`);
      return finish({ answer, bodyBytes: o.failWithBody ? bodyBytes : 0, exitCode: 22, redirectUrl: '', errorText: text });
    }

    if (follow) {
      // A hop that is followed: its headers with -i or -I, never its body.
      if (!toFile && (o.include || o.head)) emit(shownHeaders(answer, o));
      if (meter) ctx.stderr.write(`\r${meterLine(bodyBytes, bodyBytes, bodyBytes * 25)}\n`);
      if (o.maxRedirs !== -1 && redirects >= o.maxRedirs) {
        const would = next instanceof URL ? next.href : (next.effective ?? location ?? '');
        return stop(answer, bodyBytes, { code: 47, text: `Maximum (${o.maxRedirs}) redirects followed` }, would);
      }
      redirects += 1;
      previousStatus = answer.status;
      times.redirectMs = times.totalMs;
      if (!(next instanceof URL)) {
        if (next.effective === undefined) return stop(answer, bodyBytes, next);
        const note = o.verbose ? `${clearAuthNote(url, new URL(next.effective)) ? `* ${clearAuthNote(url, new URL(next.effective))}\n` : ''}* Issue another request to this URL: '${next.effective}'\n` : '';
        url = new URL(next.effective);
        ctx.stderr.write(`${note}${o.verbose ? `* ${next.text}\n* Closing connection -1\n` : ''}${showErrors ? `curl: (${next.code}) ${next.text}\n` : ''}`);
        return finish({ answer, bodyBytes: 0, exitCode: next.code, redirectUrl: '', errorText: next.text });
      }
      if (o.verbose) {
        const note = clearAuthNote(url, next);
        ctx.stderr.write(`${note ? `* ${note}\n` : ''}* Issue another request to this URL: '${next.href}'\n${answer.status === 303 && o.head && !o.method ? '* Switch to HEAD\n' : ''}`);
      }
      url = next;
      continue;
    }

    if (toFile) {
      // The lab's file system is read-only: the file cannot be opened when the body comes (-O of a
      // URL ending in / has no name to open at all).
      const text = output === '' ? 'Failed writing received data to disk/application' : 'Failure writing output to destination';
      ctx.stderr.write(`${o.silent ? '' : `Warning: Failed to open the file ${output}: Read-only file system\n`}${showErrors ? `curl: (23) ${text}\n` : ''}`);
      return finish({ answer, bodyBytes: 0, exitCode: 23, redirectUrl: '', errorText: text });
    }
    emit(`${o.include || o.head ? shownHeaders(answer, o) : ''}${o.head ? '' : answer.body}`);
    // Where -L would have gone; a target curl cannot parse is reported as it came.
    const redirectUrl = next === undefined ? '' : next instanceof URL ? next.href : (next.effective ?? location ?? '');
    const code = finish({ answer, bodyBytes, exitCode: 0, redirectUrl });
    const tail = [meter ? `\r${meterLine(bodyBytes, bodyBytes, bodyBytes * 25)}\n` : '', o.verbose ? closing : ''].join('');
    ctx.stderr.write(tail);
    return code;
  }
}

export const curl: Command = {
  name: 'curl',
  summary: "Transfer URLs over HTTP from the reader's machine (-s -S -i -I -v -L -f -o -w -H -A -D -m …; curl --help lists them).",
  run,
  async complete(words, session) {
    const items = await routeHosts(session);
    const current = words[words.length - 1];
    return current.startsWith('-') ? ['-s', '-S', '-i', '-I', '-v', '-L', '-H', '-o', '-O', '-w', '-f', '-k', '-m', '-X', '-A', '-e', '-D', '--fail-with-body', '--connect-timeout', '--resolve', '--help'] : items.flatMap((h) => [`http://${h}/`, `http://${h}/api/ip`]);
  },
};

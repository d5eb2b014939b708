// curl 7.88.1 on the reader's machine: the lab's network answers (route hosts reach the router,
// other hosts fail as they would), with curl's flags, verbose trace, progress meter and errors.
// -L follows redirects one hop at a time, each hop a request of its own to the world, so that the
// lab's network answers every hop and live mode's policy judges every one; -m is one limit over
// the whole run, redirects included, as it is for curl.
import type { Command, CommandContext } from '../types.ts';
import type { HttpResponse, NetError } from '../../world/types.ts';
import { routeHosts } from './route-hosts.ts';
import { carriedHeaders, clearAuthNote, keepsConnection, locationOf, redirectTarget, type RedirectFailure } from './curl-redirect.ts';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** curl's default --max-redirs. */
const MAX_REDIRS = 50;
/** -v names the connection bundle it reuses by its address in memory; any pointer reads the same. */
const BUNDLE = '0x55f1c3a0e2b0';

interface Options {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  insecure: boolean;
  location: boolean;
  output?: string;
  writeOut?: string;
  method?: string;
  maxTime?: number;
  /** -1: no limit. */
  maxRedirs: number;
  headers: string[];
}

type Flag = 'silent' | 'showError' | 'include' | 'head' | 'verbose' | 'fail' | 'insecure' | 'location';
type Valued = 'output' | 'writeOut' | 'method' | 'maxTime' | 'maxRedirs' | 'headers';

const FLAGS: Record<string, Flag> = { s: 'silent', S: 'showError', i: 'include', I: 'head', v: 'verbose', f: 'fail', k: 'insecure', L: 'location' };
const LONG_FLAGS: Record<string, Flag | null> = { silent: 'silent', 'show-error': 'showError', include: 'include', head: 'head', verbose: 'verbose', fail: 'fail', insecure: 'insecure', location: 'location', compressed: null };
const VALUES: Record<string, Valued> = { o: 'output', w: 'writeOut', X: 'method', m: 'maxTime', H: 'headers' };
const LONG_VALUES: Record<string, Valued> = { output: 'output', 'write-out': 'writeOut', request: 'method', 'max-time': 'maxTime', 'max-redirs': 'maxRedirs', header: 'headers' };

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

function parse(args: string[]): Options | string {
  const o: Options = { silent: false, showError: false, include: false, head: false, verbose: false, fail: false, insecure: false, location: false, maxRedirs: MAX_REDIRS, headers: [] };
  /** Sets an option from its value; an error text when curl would refuse the value. */
  const setValue = (key: Valued, value: string, spelled: string): string | undefined => {
    const badNumber = (kind: string) => `curl: option ${spelled}: expected a ${kind} numerical parameter\n${TRY_HELP}`;
    if (key === 'headers') o.headers.push(value);
    else if (key === 'maxTime') {
      const n = seconds(value);
      if (typeof n === 'string') return badNumber(n);
      o.maxTime = n;
    } else if (key === 'maxRedirs') {
      const n = redirs(value);
      if (n === undefined) return badNumber('proper');
      o.maxRedirs = n;
    } else o[key] = value;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (name in LONG_FLAGS) {
        const key = LONG_FLAGS[name];
        if (key) o[key] = true;
      } else if (name in LONG_VALUES) {
        if (i + 1 >= args.length) return `curl: option ${arg}: requires parameter\n${TRY_HELP}`;
        const refused = setValue(LONG_VALUES[name], args[++i], arg);
        if (refused) return refused;
      } else if (name === 'url') o.url = args[++i];
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
function failure(error: NetError, o: Options, spentMs: number): { code: number; text: string; elapsedMs?: number } {
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
function requestTrace(url: URL, method: string, headers: Record<string, string>): string {
  const request = [`${method} ${url.pathname}${url.search} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ''];
  return request.map((l) => `> ${l}\r\n`).join('');
}

function headerBlock(response: HttpResponse): string {
  return [`HTTP/${response.httpVersion} ${response.status} ${response.statusText}`, ...response.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `${l}\r\n`).join('') + '\r\n';
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
function failureTrace(error: NetError, text: string, hop: HopTrace, request: string): string {
  if (error.error === 'refused-by-policy') return '';
  if (error.error === 'resolve') return `* Could not resolve host: ${error.host}\n* Closing connection ${hop.number}\n`;
  const made = Boolean(error.connected || error.partial);
  const ip = error.message ?? error.host;
  const port = error.port ?? 80;
  let trace = connectionTrace(hop, ip, port, made);
  if (made) trace += request;
  if (error.partial) trace += responseTrace(error.partial.response);
  // The system's own word on a connection that failed, before curl's (a refusal, or no answer at all).
  const unlimited = error.error === 'timeout' && !made && error.limitMs === undefined && !hop.timed;
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
  url: URL;
  method: string;
  exitCode: number;
  redirects: number;
  redirectUrl: string;
  /** Each phase's time summed over the hops, as curl adds them up; ms. */
  times: { lookupMs: number; connectMs: number; tlsMs: number; pretransferMs: number; firstByteMs: number; redirectMs: number; totalMs: number };
}

/** -w: curl's variables this terminal knows, and its escapes; unknown variables are warned about. */
function writeOut(template: string, run: Outcome): { text: string; warnings: string } {
  const answer = run.answer;
  const s = (ms: number) => (ms / 1000).toFixed(6);
  const status = String(answer?.status ?? 0).padStart(3, '0');
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
    time_namelookup: s(run.times.lookupMs),
    time_connect: s(run.times.connectMs),
    time_appconnect: s(run.times.tlsMs),
    time_pretransfer: s(run.times.pretransferMs),
    time_redirect: s(run.times.redirectMs),
    time_starttransfer: s(run.times.firstByteMs),
    time_total: s(run.times.totalMs),
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
    // With no argument at all, curl only points at its help.
    ctx.stderr.write(ctx.argv.length > 1 ? `curl: no URL specified!\n${TRY_HELP}` : TRY_HELP);
    return 2;
  }
  const raw = /^[a-z]+:\/\//i.test(o.url) ? o.url : `http://${o.url}`;
  let first: URL;
  try {
    first = new URL(raw);
    if (!['http:', 'https:'].includes(first.protocol)) {
      ctx.stderr.write(o.silent && !o.showError ? '' : `curl: (1) Protocol "${first.protocol.slice(0, -1)}" not supported or disabled in libcurl\n`);
      return 1;
    }
  } catch {
    if (!o.silent || o.showError) ctx.stderr.write('curl: (3) URL using bad/illegal format or missing URL\n');
    return 3;
  }
  return transfer(ctx, o, first);
}

/** The exchanges of one curl run: the first URL and, with -L, every redirect after it. */
async function transfer(ctx: CommandContext, o: Options, first: URL): Promise<number> {
  const meter = !o.silent && !ctx.tty && !o.verbose;
  const showErrors = !o.silent || o.showError;
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  const custom = o.headers.flatMap((h): Array<[string, string]> => {
    const colon = h.indexOf(':');
    return colon > 0 ? [[h.slice(0, colon).trim(), h.slice(colon + 1).trim()]] : [];
  });
  // Headers and bodies go to stdout, nowhere with -o /dev/null; another file fails (23) at the end.
  const toFile = o.output !== undefined && o.output !== '/dev/null' && o.output !== '-';
  const emit = (text: string) => {
    if (o.output === undefined || o.output === '-') ctx.stdout.write(text);
  };
  const times: Outcome['times'] = { lookupMs: 0, connectMs: 0, tlsMs: 0, pretransferMs: 0, firstByteMs: 0, redirectMs: 0, totalMs: 0 };
  let url = first;
  let redirects = 0;
  /** The connection the last hop left open (-v says when the next hop reuses it). */
  let open: { key: string; number: number } | undefined;
  let connections = 0;
  const looked = new Set<string>();

  /** Ends the run: -w's text after everything else, and the exit code. */
  const finish = (outcome: Omit<Outcome, 'url' | 'method' | 'redirects' | 'times'>): number => {
    if (o.writeOut) {
      const filled = writeOut(o.writeOut, { ...outcome, url, method, redirects, times });
      ctx.stderr.write(filled.warnings);
      ctx.stdout.write(filled.text);
    }
    return outcome.exitCode;
  };
  /** A redirect that curl does not follow: its error, after -v's line for it. */
  const stop = (answer: HttpResponse, bodyBytes: number, failed: RedirectFailure, redirectUrl = ''): number => {
    const text = `curl: (${failed.code}) ${failed.text}`;
    ctx.stderr.write(`${o.verbose ? `* ${failed.text}\n` : ''}${showErrors ? `${text}\n` : ''}`);
    return finish({ answer, bodyBytes, exitCode: failed.code, redirectUrl });
  };

  if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0)}`);
  for (;;) {
    const hostHeader = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    const requestHeaders: Record<string, string> = { Host: hostHeader, 'User-Agent': `curl/${VERSION}`, Accept: '*/*' };
    for (const [name, value] of carriedHeaders(custom, first, url)) requestHeaders[name] = value;
    const key = `${url.protocol}//${hostHeader}`;
    const reused = open?.key === key;
    const hop: HopTrace = { url, number: reused ? open!.number : connections++, reused, cached: looked.has(url.hostname), timed: Boolean(o.maxTime) };
    looked.add(url.hostname);
    const left = o.maxTime ? o.maxTime * 1000 - times.totalMs : undefined;
    const answer = await ctx.world.http({ method, url: url.toString(), headers: requestHeaders, insecure: o.insecure, ...(left !== undefined ? { maxTimeMs: Math.max(0, left) } : {}) });

    if ('error' in answer) {
      const { code, text, elapsedMs } = failure(answer, o, times.totalMs);
      // -w is still written after a failure (http_code 000), its time_total the time curl waited.
      if (elapsedMs !== undefined) times.totalMs = Math.max(times.totalMs, elapsedMs);
      const partial = answer.partial;
      if (o.verbose) ctx.stderr.write(failureTrace(answer, text, hop, requestTrace(url, method, requestHeaders)));
      if (partial) {
        // What came before the end is printed, as curl writes it while it comes.
        emit(`${o.include || o.head ? headerBlock(partial.response) : ''}${o.head ? '' : partial.response.body}`);
        if (meter) ctx.stderr.write(`\r${meterLine(announced(answer) ?? 0, partial.bodyBytes, 0)}\n`);
      }
      // curl does not end the meter's line before its error message (curl 7.88, checked against it).
      if (showErrors) ctx.stderr.write(`${text}\n`);
      const remote = answer.connected ? { ip: answer.message ?? '', port: answer.port ?? 0 } : undefined;
      return finish({ answer: partial?.response, remote, bodyBytes: partial?.bodyBytes ?? 0, exitCode: code, redirectUrl: '' });
    }

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
    const target = location === undefined ? undefined : redirectTarget(location, url);
    const follow = o.location && target !== undefined;
    const keep = keepsConnection(answer);
    open = keep ? { key, number: hop.number } : undefined;
    const closing = `${keep ? `* Connection #${hop.number} to host ${url.hostname} left intact` : `* Closing connection ${hop.number}`}\n`;
    if (o.verbose) {
      let trace = `${connectionTrace(hop, answer.remote.ip, port, true)}${requestTrace(url, method, requestHeaders)}${responseTrace(answer)}`;
      if (follow) trace += `* Ignoring the response-body\n${closing}`;
      ctx.stderr.write(trace);
    }
    if (o.fail && answer.status >= 400) {
      const end = meter ? `\r${meterLine(bodyBytes, 0, 0)}\n` : '';
      ctx.stderr.write(`${end}${showErrors ? `curl: (22) The requested URL returned error: ${answer.status}\n` : ''}`);
      return finish({ answer, bodyBytes: 0, exitCode: 22, redirectUrl: '' });
    }

    if (follow) {
      // A hop that is followed: its headers with -i or -I, never its body.
      if (!toFile && (o.include || o.head)) emit(headerBlock(answer));
      if (meter) ctx.stderr.write(`\r${meterLine(bodyBytes, bodyBytes, bodyBytes * 25)}\n`);
      if (o.maxRedirs !== -1 && redirects >= o.maxRedirs) {
        const would = target instanceof URL ? target.href : (target.effective ?? location ?? '');
        return stop(answer, bodyBytes, { code: 47, text: `Maximum (${o.maxRedirs}) redirects followed` }, would);
      }
      redirects += 1;
      times.redirectMs = times.totalMs;
      if (!(target instanceof URL)) {
        if (target.effective === undefined) return stop(answer, bodyBytes, target);
        const note = o.verbose ? `${clearAuthNote(url, new URL(target.effective)) ? `* ${clearAuthNote(url, new URL(target.effective))}\n` : ''}* Issue another request to this URL: '${target.effective}'\n` : '';
        url = new URL(target.effective);
        ctx.stderr.write(`${note}${o.verbose ? `* ${target.text}\n* Closing connection -1\n` : ''}${showErrors ? `curl: (${target.code}) ${target.text}\n` : ''}`);
        return finish({ answer, bodyBytes: 0, exitCode: target.code, redirectUrl: '' });
      }
      if (o.verbose) {
        const note = clearAuthNote(url, target);
        ctx.stderr.write(`${note ? `* ${note}\n` : ''}* Issue another request to this URL: '${target.href}'\n${answer.status === 303 && o.head && !o.method ? '* Switch to HEAD\n' : ''}`);
      }
      url = target;
      continue;
    }

    if (toFile) {
      ctx.stderr.write(`Warning: Failed to open the file ${o.output}: Read-only file system\ncurl: (23) Failure writing output to destination\n`);
      return 23;
    }
    emit(`${o.include || o.head ? headerBlock(answer) : ''}${o.head ? '' : answer.body}`);
    // Where -L would have gone; a target curl cannot parse is reported as it came.
    const redirectUrl = target === undefined ? '' : target instanceof URL ? target.href : (target.effective ?? location ?? '');
    const code = finish({ answer, bodyBytes, exitCode: 0, redirectUrl });
    const tail = [meter ? `\r${meterLine(bodyBytes, bodyBytes, bodyBytes * 25)}\n` : '', o.verbose ? closing : ''].join('');
    ctx.stderr.write(tail);
    return code;
  }
}

export const curl: Command = {
  name: 'curl',
  summary: "Transfer a URL (HTTP from the reader's machine: -s -S -i -I -v -L -H -o -w -f -k -m -X).",
  run,
  async complete(words, session) {
    const items = await routeHosts(session);
    const current = words[words.length - 1];
    return current.startsWith('-') ? ['-s', '-S', '-i', '-I', '-v', '-L', '-H', '-o', '-w', '-f', '-k', '-m', '-X'] : items.flatMap((h) => [`http://${h}/`, `http://${h}/api/ip`]);
  },
};

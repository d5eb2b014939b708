// dig (bind9 9.18, Debian's bind9-dnsutils) from the reader's machine: one question to the reader's
// resolver (or @SERVER), printed as dig prints it: its header, EDNS, sections in BIND's columns,
// and its statistics; +short, +noall/+answer and the other section switches; -x, -t, a type
// argument. What a real dig draws at random or measures comes from the lab: the query id from the
// question (dns.ts queryId), the query time from the network model, the date from the lab's clock,
// the size from the answer's bytes (dns-wire.ts). Checked against dig 9.18.
import type { Command, CommandContext } from '../types.ts';
import { routeHosts } from './route-hosts.ts';
import { ask, BIND_VERSION, queryId, recordType, type DnsAnswer, type DnsRecord, type RecordType } from './dns.ts';
import { RESOLVER_MS } from '../../model/network-timing.ts';
import { encodeAnswer, RESOLVER_UDP_SIZE } from './dns-wire.ts';
import { defaultServer, isIpv4, type Server, namedServerProblem } from './resolver.ts';

export const DIG_VERSION = BIND_VERSION;
const VERSION_WANTED = '\0version';

const USAGE = `Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
`;

/** What dig prints: the +[no]FLAG switches this terminal knows. */
interface Display {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
  tcp: boolean;
  ttlid: boolean;
  class: boolean;
}

const SECTIONS = ['cmd', 'comments', 'question', 'answer', 'authority', 'additional', 'stats'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (flag: string): flag is Section => SECTIONS.some((s) => s === flag);

interface Question {
  name: string;
  type: RecordType;
}

/** dig's date (C's "%a %b %d %H:%M:%S %Z %Y", in UTC). */
export function digDate(when: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[when.getUTCDay()]} ${months[when.getUTCMonth()]} ${two(when.getUTCDate())} ${two(when.getUTCHours())}:${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())} UTC ${when.getUTCFullYear()}`;
}

/** A line laid out in BIND's columns (tab stops every 8): each field starts at its column, or one
 * blank after the field before it when that one is longer. The column count leaves out a question's
 * leading ';', as BIND's does. */
function columns(fields: Array<[string, number]>, prefix = ''): string {
  let text = prefix;
  let column = 0;
  for (const [field, at] of fields) {
    if (column > 0 || at > 0) {
      const target = Math.max(at, column + 1);
      const tabs = Math.floor(target / 8) - Math.floor(column / 8);
      text += tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(target % 8) : ' '.repeat(target - column);
      column = target;
    }
    text += field;
    column += field.length;
  }
  return `${text}\n`;
}

/** A record in BIND's columns; +nottlid and +noclass leave their column out. */
const recordLine = (r: DnsRecord, display: Display) => {
  const fields: Array<[string, number]> = [[r.name, 0]];
  if (display.ttlid) fields.push([String(r.ttl), 24]);
  if (display.class) fields.push(['IN', 32]);
  fields.push([r.type, 40], [r.data, 48]);
  return columns(fields);
};
const questionLine = (q: DnsAnswer) => columns([[q.name, 0], ['IN', 32], [q.type, 40]], ';');

/** The arguments, or dig's complaint. */
function parse(args: string[]): { questions: Question[]; server?: string; display: Display; warnings: string } | string {
  const display: Display = { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true, short: false, tcp: false, ttlid: true, class: true };
  const questions: Question[] = [];
  let warnings = '';
  let server: string | undefined;
  /** A type given before any name: the first name's. */
  let pending: RecordType | undefined;
  // A type applies to the last name given (dig NAME1 NAME2 MX asks NAME2's MX), or to the next one.
  const setType = (t: RecordType) => {
    if (questions.length) questions[questions.length - 1].type = t;
    else pending = t;
  };
  const addName = (name: string) => {
    questions.push({ name, type: pending ?? 'A' });
    pending = undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('@')) server = arg.slice(1);
    else if (arg.startsWith('+')) {
      const m = /^\+(no)?([a-z]+)$/.exec(arg);
      const flag = m?.[2];
      const on = !m?.[1];
      // +short shows the answer's data alone; a later +noall hides even that.
      if (flag === 'short') {
        display.short = on;
        if (on) display.answer = true;
      } else if (flag === 'all') for (const s of SECTIONS) display[s] = on;
      else if (flag === 'tcp' || flag === 'vc') display.tcp = on;
      else if (flag === 'ttlid' || flag === 'class') display[flag] = on;
      else if (flag && isSection(flag)) display[flag] = on;
      else return `Invalid option: ${arg}\n${USAGE}`;
    } else if (arg === '-x') {
      const ip = args[++i];
      if (ip === undefined) return `Invalid option: -x\n${USAGE}`;
      // dig turns the address's parts around without checking them (300.1.1.1 asks 1.1.1.300.in-addr.arpa).
      if (!/^\d+(\.\d+){3}$/.test(ip)) return `Invalid IP address ${ip}\n`;
      questions.push({ name: `${ip.split('.').reverse().join('.')}.in-addr.arpa`, type: 'PTR' });
    } else if (arg === '-t') {
      const t = recordType(args[++i] ?? '');
      if (t) setType(t);
      else warnings += `;; Warning, ignoring invalid type ${args[i] ?? ''}\n`;
    } else if (arg === '-q') {
      if (args[i + 1] === undefined) return `Invalid option: -q\n${USAGE}`;
      addName(args[++i]);
    }
    else if (arg === '-4') continue;
    else if (arg === '-v') return VERSION_WANTED;
    else if (arg.startsWith('-')) return `dig: the option ${arg} is not available in this lab terminal (it knows @SERVER, -x, -t, -q, +short, +[no]all, +[no]answer, +[no]question, +[no]comments, +[no]stats, +[no]cmd, +[no]tcp)\n`;
    else if (recordType(arg)) setType(recordType(arg)!);
    else addName(arg);
  }
  if (questions.length === 0) return 'dig: asking for the root servers (dig with no name) is not available in this lab terminal; give a name\n';
  return { questions, server, display, warnings };
}

/** One lookup as dig prints it, after its command line. */
function lookupText(answer: DnsAnswer, display: Display, server: Server, now: Date): string {
  let text = '';
  if (display.comments) {
    const id = queryId(answer.name, answer.type);
    text += ';; Got answer:\n';
    // A name under .local belongs to multicast DNS (RFC 6762): dig warns that it went to a DNS server.
    if (/\.local\.?$/i.test(answer.name)) text += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    text += `;; ->>HEADER<<- opcode: QUERY, status: ${answer.rcode}, id: ${id}\n`;
    text += `;; flags: qr rd ra; QUERY: 1, ANSWER: ${answer.records.length}, AUTHORITY: 0, ADDITIONAL: 1\n\n`;
    text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${RESOLVER_UDP_SIZE}\n`;
  }
  // Each section shown ends with a blank line (with its title, under +comments).
  const end = display.comments ? '\n' : '';
  if (display.question) text += `${display.comments ? ';; QUESTION SECTION:\n' : ''}${questionLine(answer)}${end}`;
  if (display.answer && answer.records.length) text += `${display.comments ? ';; ANSWER SECTION:\n' : ''}${answer.records.map((r) => recordLine(r, display)).join('')}${end}`;
  if (display.stats) {
    // dig asks for ANY over TCP (9.18), as +tcp does for every type.
    const transport = display.tcp || answer.type === 'ANY' ? 'TCP' : 'UDP';
    const size = encodeAnswer(answer, { id: 0, recursionDesired: true, edns: true }).length;
    text += `;; Query time: ${RESOLVER_MS} msec\n;; SERVER: ${server.address}#${server.port}(${server.address}) (${transport})\n;; WHEN: ${digDate(now)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  }
  return text;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const parsed = parse(args);
  if (parsed === VERSION_WANTED) {
    // dig -v says its version on standard error.
    ctx.stderr.write(`DiG ${DIG_VERSION}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    ctx.stderr.write(parsed);
    return 1;
  }
  const { questions, display } = parsed;
  ctx.stderr.write(parsed.warnings);
  if (parsed.server !== undefined && !isIpv4(parsed.server)) {
    ctx.stderr.write(await namedServerProblem(ctx.world, 'dig', parsed.server));
    return 1;
  }
  const server: Server = parsed.server !== undefined ? { address: parsed.server, port: 53 } : defaultServer(ctx.world);
  let text = '';
  if (display.cmd && !display.short) text += `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}\n${parsed.server !== undefined ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  // Each name is a lookup of its own, one after the other; the command line is said once.
  for (const question of questions) {
    const answer = await ask(ctx.world, question.name, question.type);
    if ('error' in answer) {
      ctx.stdout.write(text);
      ctx.stderr.write(`dig: ${answer.message ?? `the lab does not look up ${question.name}`}\n`);
      return 9;
    }
    text += display.short ? (display.answer ? answer.records.map((r) => `${r.data}\n`).join('') : '') : lookupText(answer, display, server, ctx.session.now());
  }
  ctx.stdout.write(text);
  return 0;
}

export const dig: Command = {
  name: 'dig',
  summary: "Ask the reader's DNS resolver one question and show its answer as dig does (+short, -x, @SERVER, TYPE).",
  run,
  async complete(words, session) {
    const current = words[words.length - 1];
    return current.startsWith('+') ? ['+short', '+noall', '+answer'] : routeHosts(session);
  },
};

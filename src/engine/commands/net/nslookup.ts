// nslookup (bind9 9.18, Debian's bind9-dnsutils) from the reader's machine: a name's addresses (its
// A and AAAA questions), -type=/-query= for one record type, an address's PTR, a server named after
// the name. The answers are the lab's DNS (dns.ts); the layout is nslookup's (checked against it).
import type { Command, CommandContext } from '../types.ts';
import { routeHosts } from './route-hosts.ts';
import { ask, BIND_VERSION, recordType, reverseName, type DnsAnswer, type RecordType } from './dns.ts';
import { defaultServer, isIpv4, type Server, namedServerProblem } from './resolver.ts';

const NOT_HERE = 'nslookup: the interactive mode is not available in this lab terminal; give a name: nslookup [-type=TYPE] NAME [SERVER]\n';

interface Options {
  name?: string;
  server?: string;
  type?: RecordType;
  /** -debug: each answer's sections are printed too. */
  debug: boolean;
  /** -version: nslookup says its version and does nothing else. */
  version?: boolean;
}

/** The options nslookup takes as -NAME or -NAME=VALUE; one it does not know is said to be invalid,
 * and the lookup goes on, as nslookup does. */
function parse(ctx: CommandContext, args: string[]): Options {
  const o: Options = { debug: false };
  for (const arg of args) {
    if (arg.startsWith('-') && arg.length > 1) {
      const [key, value] = arg.slice(1).split(/=(.*)/s);
      const lower = key.toLowerCase();
      if (lower === 'version') o.version = true;
      else if (lower === 'debug' || lower === 'deb') o.debug = true;
      else if (lower === 'nodebug') o.debug = false;
      else if (['type', 'ty', 'query', 'q', 'querytype'].includes(lower) && value !== undefined) {
        const t = recordType(value);
        if (t) o.type = t;
        else ctx.stdout.write(`unknown query type: ${value}\n`);
      } else ctx.stdout.write(`*** Invalid option: ${arg.slice(1)}\n`);
    } else if (o.name === undefined) o.name = arg;
    else if (o.server === undefined) o.server = arg;
  }
  return o;
}

function header(server: Server): string {
  return `Server:\t\t${server.address}\nAddress:\t${server.address}#${server.port}\n\n`;
}

/** -debug's account of an answer: its question and sections (the lab's resolver sends no authority
 * or additional records). */
function debugSections(answer: DnsAnswer): string {
  const name = answer.name.slice(0, -1);
  const records = answer.records
    .map((r) => `    ->  ${r.name.slice(0, -1)}\n\t${r.type === 'A' ? `internet address = ${r.data}` : `name = ${r.data}`}\n\tttl = ${r.ttl}\n`)
    .join('');
  return `------------\n    QUESTIONS:\n\t${name}, type = ${answer.type}, class = IN\n    ANSWERS:\n${records}    AUTHORITY RECORDS:\n    ADDITIONAL RECORDS:\n------------\n`;
}

/** An answer's records as nslookup lists them. */
function records(answer: DnsAnswer, shown: string): string {
  return answer.records
    .map((r) => (r.type === 'A' ? `Name:\t${shown}\nAddress: ${r.data}\n` : `${r.name.slice(0, -1)}\tname = ${r.data}\n`))
    .join('');
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx, ctx.argv.slice(1));
  if (o.version) {
    ctx.stderr.write(`nslookup ${BIND_VERSION}\n`);
    return 0;
  }
  if (o.name === undefined) {
    ctx.stderr.write(NOT_HERE);
    return 1;
  }
  if (o.server !== undefined && !isIpv4(o.server)) {
    ctx.stderr.write(await namedServerProblem(ctx.world, 'nslookup', o.server));
    return 1;
  }
  const server = o.server !== undefined ? { address: o.server, port: 53 } : defaultServer(ctx.world);
  const shown = o.name.replace(/\.$/, '');
  const reverse = isIpv4(shown) ? reverseName(shown) : undefined;
  // An address is looked up by its PTR; a name by A then AAAA unless a type is given.
  const types: RecordType[] = reverse ? ['PTR'] : o.type ? [o.type] : ['A', 'AAAA'];
  const asked = reverse ?? shown;
  const answers: DnsAnswer[] = [];
  for (const type of types) {
    const answer = await ask(ctx.world, asked, type);
    if ('error' in answer) {
      ctx.stderr.write(`nslookup: ${answer.message ?? `the lab does not look up ${asked}`}\n`);
      return 1;
    }
    answers.push(answer);
    // A name that does not exist is not asked for its other types.
    if (answer.rcode !== 'NOERROR') break;
  }
  // An address's name comes without the server's name, and without "Non-authoritative answer:".
  let text = reverse ? '' : header(server);
  const defaults = !reverse && !o.type;
  for (const [i, answer] of answers.entries()) {
    // -debug: each answer's sections, as they came, before what is made of them.
    if (o.debug) text += debugSections(answer);
    if (answer.rcode !== 'NOERROR') {
      ctx.stdout.write(`${text}** server can't find ${asked}: ${answer.rcode}\n\n`);
      return 1;
    }
    if (i === 0 && !reverse) text += 'Non-authoritative answer:\n';
    if (answer.records.length) text += records(answer, shown);
    else if (!defaults || (answer.type === 'AAAA' && answers[0].records.length === 0)) text += `*** Can't find ${asked}: No answer\n`;
    if (answer.type !== 'A' && answer.type !== 'AAAA') text += '\nAuthoritative answers can be found from:\n';
  }
  ctx.stdout.write(`${text}\n`);
  return 0;
}

export const nslookup: Command = {
  name: 'nslookup',
  summary: "Ask the reader's DNS resolver for a name's records (-type=A|AAAA|CNAME|TXT|MX|NS|SOA|PTR|ANY) or an address's name.",
  run,
  complete: (_words, session) => routeHosts(session),
};

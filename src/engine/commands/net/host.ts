// host (bind9 9.18, Debian's bind9-dnsutils) from the reader's machine: a name's addresses (its A,
// AAAA and MX questions), -t TYPE for one type, an address's PTR, a server named after the name.
// The answers are the lab's DNS (dns.ts); the sentences are host's (checked against it).
import type { Command, CommandContext } from '../types.ts';
import { routeHosts } from './route-hosts.ts';
import { ask, BIND_VERSION, RCODES, recordType, reverseName, type DnsAnswer, type RecordType } from './dns.ts';
import { isIpv4, namedServerProblem } from './resolver.ts';

const USAGE = `Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]
            [-R number] [-m flag] [-p port] hostname [server]
       -a is equivalent to -v -t ANY
       -A is like -a but omits RRSIG, NSEC, NSEC3
       -c specifies query class for non-IN data
       -C compares SOA records on authoritative nameservers
       -d is equivalent to -v
       -l lists all hosts in a domain, using AXFR
       -m set memory debugging flag (trace|record|usage)
       -N changes the number of dots allowed before root lookup is done
       -p specifies the port on the server to query
       -r disables recursive processing
       -R specifies number of retries for UDP packets
       -s a SERVFAIL response should stop query
       -t specifies the query type
       -T enables TCP/IP mode
       -U enables UDP mode
       -v enables verbose output
       -V print version number and exit
       -w specifies to wait forever for a reply
       -W specifies how long to wait for a reply
       -4 use IPv4 query transport only
       -6 use IPv6 query transport only
`;

/** A record as host says it. */
function sentence(r: DnsAnswer['records'][number], shown: string): string {
  return r.type === 'A' ? `${shown} has address ${r.data}\n` : `${r.name.slice(0, -1)} domain name pointer ${r.data}\n`;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let type: RecordType | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-t') {
      const value = args[++i];
      if (value === undefined) {
        ctx.stderr.write(USAGE);
        return 1;
      }
      const t = recordType(value);
      if (!t) {
        ctx.stderr.write(`host: invalid type: ${value}\n\n`);
        return 2;
      }
      type = t;
    } else if (arg === '-4') continue;
    else if (arg === '-V') {
      ctx.stderr.write(`host ${BIND_VERSION}\n`);
      return 0;
    } else if (arg.startsWith('-')) {
      ctx.stderr.write(`host: the option ${arg} is not available in this lab terminal (it knows -t TYPE, NAME and SERVER)\n`);
      return 1;
    } else words.push(arg);
  }
  const [given, server] = words;
  if (given === undefined) {
    ctx.stderr.write(USAGE);
    return 1;
  }
  if (server !== undefined && !isIpv4(server)) {
    ctx.stderr.write(await namedServerProblem(ctx.world, 'host', server));
    return 1;
  }
  // host says a name without its final dot.
  const name = given.replace(/\.$/, '');
  let text = server !== undefined ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  const reverse = isIpv4(name) ? reverseName(name) : undefined;
  const asked = reverse ?? name;
  // A name alone: its addresses, then its mail servers; an address: its name.
  const types: RecordType[] = type ? [type] : reverse ? ['PTR'] : ['A', 'AAAA', 'MX'];
  for (const t of types) {
    const answer = await ask(ctx.world, asked, t);
    if ('error' in answer) {
      ctx.stderr.write(`host: ${answer.message ?? `the lab does not look up ${asked}`}\n`);
      return 1;
    }
    if (answer.rcode !== 'NOERROR') {
      ctx.stdout.write(`${text}Host ${reverse ? answer.name : name} not found: ${RCODES[answer.rcode]}(${answer.rcode})\n`);
      return 1;
    }
    if (answer.records.length) text += answer.records.map((r) => sentence(r, name)).join('');
    else if (type) text += `${name} has no ${t} record\n`;
  }
  ctx.stdout.write(text);
  return 0;
}

export const host: Command = {
  name: 'host',
  summary: "Ask the reader's DNS resolver for a name's addresses or an address's name, in one sentence each (-t TYPE).",
  run,
  complete: (_words, session) => routeHosts(session),
};

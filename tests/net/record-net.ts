// Records the net corpus with the real curl, nslookup, dig and host, run exactly as the reader types
// them: each lab gets a network namespace of its own (unshare: no privilege needed, nothing leaves
// the machine) whose loopback carries the lab's resolver and router addresses and a few public
// resolvers a reader may name, /etc/resolv.conf naming the lab's resolver, and
// lab-network-server.ts answering DNS, HTTP and HTTPS there (routerCertificate). A name the lab's DNS does not hold is
// NXDOMAIN, as on the Internet; an address nothing serves refuses at once. The lines run in
// /home/reader, the lab's home, and every place they could write (the home, /tmp) is read-only, as
// the lab's file system is.
// What the tools measure or draw at random is put back to the lab's model, and nothing else: dig's
// query id (the lab's id for the question the server received with that id), its Query time (the
// model's resolver time) and its WHEN (the lab's clock), and the address in memory curl -v names a
// connection bundle by (the lab's fixed one).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLab } from '../../src/node/labs.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { queryId, recordType } from '../../src/engine/commands/net/dns.ts';
import { RESOLVER_MS } from '../../src/engine/model/network-timing.ts';
import { digDate } from '../../src/engine/commands/net/dig.ts';
import { BUNDLE } from '../../src/engine/commands/net/curl.ts';
import type { CorpusLine, Reference } from '../conformance/corpus.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

/** Resolvers a reader may name besides their own (nslookup NAME SERVER, dig @SERVER, host NAME SERVER). */
export const PUBLIC_RESOLVERS = ['8.8.8.8', '1.1.1.1'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = fileURLToPath(new URL('lab-network-server.ts', import.meta.url));

/** Puts dig's random and measured fields back to the lab's model: each id dig drew becomes the lab's
 * id for the question the server received with it (`asked`: "ID TYPE NAME" lines). */
export function modelled(text: string, clock: Date, asked: string): string {
  const questions = new Map(asked.split('\n').filter(Boolean).map((l) => {
    const [id, type, name] = l.split(' ');
    return [id, queryId(name, recordType(type) ?? 'A')] as const;
  }));
  return text
    .replace(/(;; ->>HEADER<<- .*, id: )(\d+)/g, (whole, head: string, id: string) => `${head}${questions.get(id) ?? id}`)
    .replace(/^;; Query time: \d+ msec$/gm, `;; Query time: ${RESOLVER_MS} msec`)
    .replace(/^\* Found bundle for host: 0x[0-9a-f]+ /gm, `* Found bundle for host: ${BUNDLE} `)
    .replace(/^;; WHEN: .*$/gm, `;; WHEN: ${digDate(clock)}`);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The router's default certificate as the ingress operator makes it: a wildcard for the apps
 * domain signed by the operator's own CA (ingress-operator@SECONDS), served with that CA. Only
 * its shape shows in the corpus (curl without -k refuses the self-signed CA in the chain). */
function routerCertificate(world: LabFile, dir: string): void {
  const model = new WorldModel(world);
  const domain = model.appsDomain() ?? 'apps.example';
  const operator = world.kube.find((o) => o.kind === 'IngressController' && o.metadata.name === 'default');
  const since = Math.floor(new Date(operator?.metadata.creationTimestamp ?? world.info.clock).getTime() / 1000);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', `/CN=ingress-operator@${since}`, '-days', '730');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=*.${domain}`);
  writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=DNS:*.${domain}\n`);
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '730', '-extfile', 'leaf.ext');
  writeFileSync(join(dir, 'chain.pem'), readFileSync(join(dir, 'leaf.crt'), 'utf8') + readFileSync(join(dir, 'ca.crt'), 'utf8'));
}

export async function recordNetLines(lines: CorpusLine[]): Promise<Reference[]> {
  const out: Reference[] = [];
  const work = mkdtempSync(join(tmpdir(), 'aro-labs-net-'));
  for (const lab of [...new Set(lines.map((l) => l.lab))]) {
    const world = await loadLab({ name: lab });
    const mine = lines.filter((l) => l.lab === lab);
    const [resolver] = world.info.resolver.split('#');
    const addresses = [...new Set([resolver, new WorldModel(world).routerIp(), ...PUBLIC_RESOLVERS].filter((a): a is string => Boolean(a)))];
    const dir = mkdtempSync(join(work, `${lab}-`));
    writeFileSync(join(dir, 'resolv.conf'), `nameserver ${resolver}\n`);
    routerCertificate(world, dir);
    mine.forEach((l, i) => writeFileSync(join(dir, `line.${i}`), l.line));
    // The lines run where the lab's terminal runs them: in the reader's home, on a read-only file
    // system (a file curl is told to write cannot be opened there, as in the lab). This script's
    // own files are reached through /mnt.
    const env = 'env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC HOME=/home/reader';
    const script = [
      'set -e',
      'ip link set lo up',
      ...addresses.map((a) => `ip addr add ${a}/32 dev lo`),
      `mount --bind ${quote(join(dir, 'resolv.conf'))} /etc/resolv.conf`,
      `mount --bind ${quote(dir)} /mnt`,
      `cd ${quote(ROOT)}`,
      `${quote(process.execPath)} --disable-warning=ExperimentalWarning ${quote(SERVER)} ${quote(lab)} --cert /mnt/chain.pem --key /mnt/leaf.key --log /mnt/asked > /mnt/server.log 2>&1 &`,
      'for i in $(seq 300); do grep -q ready /mnt/server.log && break; sleep 0.1; done',
      'mount -t tmpfs tmpfs /home && mkdir /home/reader && mount -o remount,ro /home',
      'mount -t tmpfs -o ro tmpfs /tmp',
      'set +e',
      'cd /home/reader',
      ...mine.map((_, i) => `${env} bash --norc --noprofile -c "$(cat /mnt/line.${i})" > /mnt/out.${i} 2> /mnt/err.${i} < /dev/null; echo $? > /mnt/rc.${i}; touch /mnt/asked; mv /mnt/asked /mnt/asked.${i}`),
      'kill %1',
    ].join('\n');
    writeFileSync(join(dir, 'run.sh'), script);
    await new Promise<void>((resolve, reject) => execFile('unshare', ['-rnm', 'bash', join(dir, 'run.sh')], (error) => (error ? reject(error) : resolve())));
    const clock = new Date(world.info.clock);
    mine.forEach((l, i) => {
      const read = (name: string) => readFileSync(join(dir, `${name}.${i}`), 'utf8');
      const asked = read('asked');
      out.push({ ...l, stdout: modelled(read('out'), clock, asked), stderr: modelled(read('err'), clock, asked), exit: Number(read('rc').trim()) });
    });
  }
  return out;
}

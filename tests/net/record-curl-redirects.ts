// Records what the real curl (Debian's 7.88.1) prints for curl-redirect-cases.ts: each line runs
// in bash with curl reaching the fake app on 127.0.0.1 through --connect-to, the app answering the
// scripted redirects and, after them, what the lab's router answers. Run it with the project's
// Node from the repository's root: node tests/net/record-curl-redirects.ts
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadLab } from '../../src/node/labs.ts';
import { startFakeApp } from '../helpers/fake-network.ts';
import { LINES, SCRIPTS } from './curl-redirect-cases.ts';

const lab = await loadLab({ name: 'aro2' });
const app = await startFakeApp(lab, SCRIPTS);
const references = [];
for (const line of LINES) {
  const command = line.replace(/^curl/, `curl --connect-to ::127.0.0.1:${app.port}`);
  const result = await new Promise<{ stdout: string; stderr: string; exit: number }>((resolve) =>
    execFile('bash', ['--norc', '--noprofile', '-c', command], { env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exit: error ? Number(error.code) : 0 }),
    ),
  );
  references.push({ line, ...result });
}
await app.close();
writeFileSync(new URL('curl-redirects.references.json', import.meta.url), `${JSON.stringify(references, null, 1)}\n`);
console.log(`${references.length} lines recorded`);

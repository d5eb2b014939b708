// Records tests/kube/goldens/describe-kubectl.json: the real kubectl 1.32 (the machine's
// kubectl.1.32 release, not the one its kubectl dispatches to by the server's version) describing
// the hand-made objects of tests/kube/goldens/describe-objects.json, served with the lab by
// tests/conformance/kube-api-server.ts on 127.0.0.1.
// Usage: node scripts/make-describe-goldens.ts
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeApiServer } from '../tests/conformance/kube-api-server.ts';
import { describeGoldenLab, describeInput, type DescribeGolden } from '../tests/kube/describe-world.ts';

const release = execFileSync('sh', ['-c', 'ls "$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.1.32"'], { encoding: 'utf8' }).trim();
const lab = await describeGoldenLab();
const server = await startKubeApiServer(lab);
const home = mkdtempSync(join(tmpdir(), 'describe-goldens-'));
const config = join(home, 'kubeconfig');
writeFileSync(config, JSON.stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: 'lab', cluster: { server: server.url } }],
  users: [{ name: 'reader', user: { token: 'sha256~goldens' } }],
  contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'reader', namespace: lab.info.session.namespace } }],
  'current-context': 'lab',
}));
const goldens: DescribeGolden[] = [];
for (const line of describeInput.lines) {
  const [, ...args] = line.split(' ');
  goldens.push(
    await new Promise((resolve) =>
      execFile(release, args, { env: { PATH: '/usr/bin:/bin', HOME: home, KUBECONFIG: config, LANG: 'C.UTF-8' } }, (error, stdout, stderr) =>
        resolve({ line, stdout, stderr, exit: error ? Number((error as { code?: number }).code ?? 1) : 0 }),
      ),
    ),
  );
}
await server.close();
writeFileSync(new URL('../tests/kube/goldens/describe-kubectl.json', import.meta.url), JSON.stringify(goldens, null, 1) + '\n');
console.log(`describe goldens: ${goldens.length}`);

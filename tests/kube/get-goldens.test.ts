// `kubectl get` end to end against outputs recorded from the real kubectl (goldens/README.md):
// every recorded command line is replayed on the same objects and must match byte for byte,
// exit status, stdout and stderr.
import { readFileSync } from 'node:fs';
import { runCommand } from '../helpers/run-command.ts';
import { describe, expect, it } from 'vitest';
import { kubeCommands } from '../../src/engine/commands/kube/index.ts';
import { aro2Objects } from './aro2-objects.ts';
import { fakeSession, fakeWorld } from './fake-world.ts';

interface Golden {
  argv: string[];
  status: number;
  stdout: string;
  stderr: string;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./goldens/kubectl-client-aro2.json', import.meta.url), 'utf8'));

describe('kubectl get matches recorded kubectl output', () => {
  it.each(goldens.map((g) => [g.argv.join(' '), g] as const))('%s', async (_line, g) => {
    const session = fakeSession(fakeWorld(aro2Objects));
    expect(await runCommand(kubeCommands[0], g.argv, session, { tty: true })).toEqual({ status: g.status, stdout: g.stdout, stderr: g.stderr });
  });
});

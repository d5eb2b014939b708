// An exercise that asks for a label's value, answered with the whole label (KEY=VALUE) as `oc describe
// networkpolicy` prints it, says that the pods are the right ones and that the value alone is asked for.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { loadCatalogue } from '../../src/node/exercises.ts';
import { checkAnswer } from '../../src/engine/exercises/check.ts';
import { createFixtureWorld } from '../../src/engine/world/fixture/index.ts';

const entries = await loadCatalogue();

describe('sql-networkpolicy: who may connect', async () => {
  const lab = await loadLab({ name: 'sql-networkpolicy' });
  const world = createFixtureWorld(lab);
  const exercise = entries.find((e) => e.id === 'netpol-allowed')!;
  const policy = lab.kube.find((o) => o.kind === 'NetworkPolicy')!;
  const allowed = (policy.spec as any).ingress[0].from[0].podSelector.matchLabels as Record<string, string>;

  it('takes the value of the allowed pods\' app label', async () => {
    expect((await checkAnswer(world, exercise, allowed.app)).correct).toBe(true);
  });

  it('answers the whole label, KEY=VALUE, with "the value alone"', async () => {
    for (const answer of [`app=${allowed.app}`, `"app=${allowed.app}"`]) {
      const verdict = await checkAnswer(world, exercise, answer);
      expect(verdict.correct).toBe(false);
      expect(verdict.message).toContain('give its value alone');
    }
  });
});

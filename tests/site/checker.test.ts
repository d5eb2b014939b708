// An exercise check that fails in a way nobody expected: the reader reads the cause on the card,
// developers find the error with its stack in the browser console. A lab that simply lacks what
// an exercise asks about is no error and logs nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { World } from '../../src/engine/world/types.ts';
import { CheckUnavailable } from '../../src/engine/exercises/run.ts';

const failure = vi.hoisted(() => ({ error: undefined as unknown }));

vi.mock('../../src/engine/exercises/check.ts', () => ({
  checkAnswer: async () => {
    throw failure.error;
  },
  solutionAnswer: async () => {
    throw failure.error;
  },
}));
vi.mock('../../src/site/labs/world.ts', () => ({
  liveWorld: () => ({ info: { name: 'aro2' } }) as unknown as World,
  loadLabWorld: async () => {
    throw new Error('not used: the live world answers');
  },
}));

const { answerInPage, checkInPage } = await import('../../src/site/exercises/checker.ts');

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('checks that fail unexpectedly', () => {
  it('an answer check says the cause on the card and logs the error, stack included, to the console', async () => {
    failure.error = new TypeError("Cannot read properties of undefined (reading 'items')");
    const verdict = await checkInPage('aro2', 'api-port', '6443');
    expect(verdict).toEqual({ correct: false, message: "The check could not run in this lab: Cannot read properties of undefined (reading 'items'). The browser console has the details." });
    expect(logged).toHaveBeenCalledTimes(1);
    const [, error] = logged.mock.calls[0];
    expect(error).toBe(failure.error);
    expect((error as Error).stack).toMatch(/TypeError: Cannot read properties[^\n]*\n\s+at /);
  });

  it('the solution panel says the cause and logs it; a lab that cannot answer logs nothing', async () => {
    failure.error = new RangeError('Invalid array length');
    expect(await answerInPage('aro2', 'api-port')).toEqual({ lab: 'aro2', answer: '(This lab cannot answer it: Invalid array length. The browser console has the details.)' });
    expect(logged).toHaveBeenCalledTimes(1);
    failure.error = new CheckUnavailable('`kubectl get nodes` failed in this world: forbidden');
    expect(await answerInPage('aro2', 'api-port')).toEqual({ lab: 'aro2', answer: '(this lab cannot answer it: `kubectl get nodes` failed in this world: forbidden)' });
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

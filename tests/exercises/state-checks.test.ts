// Exercises that ask for a change, apart from any one exercise: the check reads the world as it is
// now through the conditions' commands and the world's journal, says the first condition still
// unmet in the world's terms, refuses a world that cannot be changed, and `submit ID` alone checks it.
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkWorld } from '../../src/engine/exercises/check.ts';
import { createDesk, STATE_ANSWER } from '../../src/engine/exercises/desk.ts';
import { forLab, type CatalogueEntry } from '../../src/engine/exercises/catalogue.ts';
import { ExerciseFileError, parseExerciseFile } from '../../src/engine/exercises/schema.ts';
import type { StateCondition } from '../../src/engine/exercises/types.ts';
import type { RestWrite, World } from '../../src/engine/world/types.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';

const lab = await loadLab({ name: 'aro2' });

const change = (conditions: StateCondition[], extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  id: 't-change',
  chapter: '99-test',
  title: 'T',
  task: 'Change it.',
  hints: ['h'],
  solution: { commands: ['true'], explain: 'Because.' },
  check: { kind: 'state', conditions },
  ...extra,
});

/** The fixture world of aro2 whose journal holds `writes` (the check reads only the journal from it). */
function withJournal(writes: RestWrite[]): World {
  const world = createFixtureWorld(lab);
  const changes = world.changes!;
  return {
    info: world.info,
    source: world.source,
    arm: (path) => world.arm(path),
    kube: (path) => world.kube(path),
    resolve: (host) => world.resolve(host),
    http: (req) => world.http(req),
    changes: { ...changes, count: writes.length, journal: () => writes, current: () => changes.current(), reset: () => changes.reset(), replay: (w) => changes.replay(w), subscribe: (l) => changes.subscribe(l) },
  };
}

const routers = "kubectl get pods -n openshift-ingress -o jsonpath='{.items[*].status.podIP}'";

describe('state checks', () => {
  it('pass when every condition holds in the world as it is', async () => {
    const exercise = change([
      { run: ['kubectl get pods -n openshift-ingress'], matches: '^router-default-\\S+\\s+1/1\\s+Running', say: 'no router pod runs.' },
      { run: ['kubectl get networkpolicy -A'], lacks: 'sql', say: 'a policy still names SQL Server.' },
      { run: ["kubectl get pods -n openshift-ingress -o jsonpath='{.items[0].status.podIP}'"], among: [routers], say: 'not a router pod.' },
    ]);
    expect(await checkWorld(createFixtureWorld(lab), exercise)).toEqual({ correct: true, message: 'Right. Because.' });
  });

  it("say the first condition still unmet, in the file's order, with what the world printed in place of {output}", async () => {
    const subnet = { run: ['az network vnet subnet show -g $rg --vnet-name aro2-vnet -n worker-subnet --query routeTable.id -o tsv'], matches: 'routeTables/', say: 'The worker subnet still has no route table.' };
    const routers = { run: ["kubectl get pods -n openshift-ingress -o jsonpath='{.items[*].metadata.name}'"], lacks: 'router-default', say: 'Router pods still run: {output}.' };
    const address = { run: ['echo 192.0.2.1'], among: [routers.run[0].replace('metadata.name', 'status.podIP')], say: '{output} is not the address of a router pod.' };
    const world = createFixtureWorld(lab);
    expect(await checkWorld(world, change([subnet, routers, address]))).toEqual({ correct: false, message: 'Not yet: The worker subnet still has no route table.' });
    // The router pods' names come from the lab file, not from the engine's output.
    const names = lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress').map((o) => o.metadata.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await checkWorld(world, change([routers, address]))).toEqual({ correct: false, message: `Not yet: Router pods still run: ${names.join(' ')}.` });
    expect(await checkWorld(world, change([address]))).toEqual({ correct: false, message: 'Not yet: 192.0.2.1 is not the address of a router pod.' });
  });

  it('find a word of the output among the words of `among`, and fail on an empty output', async () => {
    const world = createFixtureWorld(lab);
    const routerIps = lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress').map((o) => String(o.status?.podIP));
    const among = (echo: string) => change([{ run: [`echo ${echo}`], among: [routers], say: 'none of {output}.' }]);
    expect((await checkWorld(world, among(`192.0.2.1 ${routerIps[1]}`))).correct).toBe(true);
    expect(await checkWorld(world, among('192.0.2.1 192.0.2.2'))).toEqual({ correct: false, message: 'Not yet: none of 192.0.2.1 192.0.2.2.' });
    expect(await checkWorld(world, among(''))).toEqual({ correct: false, message: 'Not yet: none of nothing.' });
  });

  it('count a failing command as printing nothing, so a resource that is not there fails "matches"', async () => {
    const exercise = change([{ run: ['az network route-table show -g $rg -n no-such-table --query name -o tsv'], matches: '.', say: 'There is no route table: {output}.' }]);
    expect((await checkWorld(createFixtureWorld(lab), exercise)).message).toBe('Not yet: There is no route table: nothing.');
  });

  it("read the world's journal for a change that leaves no trace but new names (a pod deleted)", async () => {
    const exercise = change([{ wrote: { method: 'DELETE', path: '^/api/v1/namespaces/openshift-ingress/pods/router-default-' }, say: 'No router pod has been deleted yet.' }]);
    expect(await checkWorld(withJournal([]), exercise)).toEqual({ correct: false, message: 'Not yet: No router pod has been deleted yet.' });
    const deleted: RestWrite = { method: 'DELETE', path: '/api/v1/namespaces/openshift-ingress/pods/router-default-6c9b5d7f4-abcde' };
    expect((await checkWorld(withJournal([{ method: 'DELETE', path: '/api/v1/namespaces/project1/pods/sqlapi-1-x' }]), exercise)).correct).toBe(false);
    expect(await checkWorld(withJournal([deleted]), exercise)).toEqual({ correct: true, message: 'Right. Because.' });
  });

  it('refuse a world that only reads (live mode), and a lab the exercise is not written for', async () => {
    const fixture = createFixtureWorld(lab);
    const live: World = { info: fixture.info, source: 'live', arm: (p) => fixture.arm(p), kube: (p) => fixture.kube(p), resolve: (h) => fixture.resolve(h), http: (r) => fixture.http(r) };
    const exercise = change([{ run: ['true'], matches: '', say: 'x' }]);
    expect((await checkWorld(live, exercise)).message).toBe('This exercise changes the lab, and this terminal only reads its cluster: do it in one of the labs.');
    expect((await checkWorld(fixture, { ...exercise, onlyOn: ['aro-today'] })).message).toBe('This exercise is written for the lab aro-today; this terminal runs aro2.');
  });

  it('ignore whatever is typed with the id: the answer is the lab', async () => {
    const exercise = change([{ run: ['kubectl get ns openshift-ingress -o name'], matches: 'openshift-ingress', say: 'x' }]);
    expect((await checkAnswer(createFixtureWorld(lab), exercise, '')).correct).toBe(true);
    expect((await checkAnswer(createFixtureWorld(lab), exercise, 'anything')).correct).toBe(true);
  });

  it('are checked by `submit ID` alone in the terminal, and recorded as the lab as changed', async () => {
    const world = createFixtureWorld(lab);
    const results: string[] = [];
    const exercise = change([{ run: ['az network route-table list -g $rg -o tsv --query [].name'], matches: '.', say: 'There is no route table yet.' }]);
    const session = new Session(world, { tty: false, exercises: createDesk(world, [exercise], (r) => results.push(r.answer)) });
    const result = await session.run('submit t-change');
    expect(result).toMatchObject({ status: 1, stdout: 'T: Not yet: There is no route table yet.\n' });
    expect(results).toEqual([STATE_ANSWER]);
  });
});

describe('state exercises in files', () => {
  const file = (check: object, extra: object = {}) => ({ chapter: '08-egress', exercises: [{ id: 'x', title: 'T', task: 'T', hints: ['h'], solution: { commands: ['true'], explain: 'E' }, check, ...extra }] });

  it('are read with each kind of condition', () => {
    const check = {
      kind: 'state',
      conditions: [
        { run: ['a'], matches: 'x', say: 's' },
        { run: ['a'], lacks: 'x', say: 's' },
        { run: ['a'], among: ['b'], say: 's' },
        { wrote: { method: 'DELETE', path: '^/api/' }, say: 's' },
      ],
    };
    expect(parseExerciseFile(file(check, { onlyOn: ['aro-today'] }), 'f.json').exercises[0].check).toEqual(check);
  });

  it('are refused without conditions, with a condition of two kinds, or with an expression that does not compile', () => {
    expect(() => parseExerciseFile(file({ kind: 'state', conditions: [] }), 'f.json')).toThrow(ExerciseFileError);
    expect(() => parseExerciseFile(file({ kind: 'state', conditions: [{ run: ['a'], matches: 'x', lacks: 'y', say: 's' }] }), 'f.json')).toThrow(ExerciseFileError);
    expect(() => parseExerciseFile(file({ kind: 'state', conditions: [{ run: ['a'], matches: '(', say: 's' }] }), 'f.json')).toThrow(/f\.json: exercises\.0\.check/);
  });

  it('written for some labs only are offered on those labs alone, beside the chapters\' others', () => {
    const other = change([{ run: ['true'], matches: '', say: 'x' }], { id: 'other' });
    const only = change([{ run: ['true'], matches: '', say: 'x' }], { id: 'only', onlyOn: ['aro-today'] });
    expect(forLab([other, only], 'aro-today').map((e) => e.id)).toEqual(['other', 'only']);
    expect(forLab([other, only], 'aro2').map((e) => e.id)).toEqual(['other']);
  });
});

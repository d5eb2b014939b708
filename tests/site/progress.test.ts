// Saved progress, progress codes and import, in Node with a fake localStorage: ids checked
// against the catalogue, nothing written onto Object's prototype whatever the ids, codes refused
// by size before decoding, and an import report that says what storage really holds.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exercisesFor } from '../../src/site/exercises/catalogue.ts';
import { decodeCode, exportCode, MAX_CODE_CHARS, UnreadableProgress } from '../../src/site/progress/code.ts';
import { describeImport, importProgress, readImport } from '../../src/site/progress/import.ts';
import { exportFile, loadProgress, recordAttempt, updateProgress } from '../../src/site/progress/store.ts';
import { fakeBrowser, type FakeBrowser } from './fake-browser.ts';

// Generated input from a fixed seed, printed in the test's name; FUZZ_SEED tries another.
const SEED = Number(process.env.FUZZ_SEED ?? 2026_12_06);

const KEY = 'aro-labs:v1:progress';
const catalogue: ReadonlySet<string> = new Set(exercisesFor('*').map((e) => e.id));
const [first, second, third] = [...catalogue];

/** A code as any version of the site, or anyone, could write it. */
const rawCode = (value: unknown) => `ARO1-${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
const progressFile = (exercises: Record<string, unknown>) => JSON.stringify({ schema: 'aro-labs/progress', version: 1, exercises });
const savedRecord = (browser: FakeBrowser) => JSON.parse(browser.storage.getItem(KEY) ?? 'null') as { exercises: Record<string, { solved?: string; attempts: number; answer?: string }>; attendee?: string; name?: string } | null;

/** Own property names of Object and Object.prototype, to see that nothing was added to them. */
const globalsShape = () => ({ object: Object.getOwnPropertyNames(Object).sort(), proto: Object.getOwnPropertyNames(Object.prototype).sort() });

let browser: FakeBrowser;
beforeEach(() => {
  browser = fakeBrowser();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ids that name Object properties', () => {
  const hostile = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('a code listing constructor, __proto__, toString, hasOwnProperty and valueOf imports none of them and changes no Object property', () => {
    const before = globalsShape();
    const report = importProgress(rawCode({ n: '', s: [first, ...hostile] }), catalogue);
    expect(globalsShape()).toEqual(before);
    expect(({} as Record<string, unknown>).solved).toBeUndefined();
    expect(report).toMatchObject({ imported: 1, unknown: hostile.length });
    expect(Object.keys(savedRecord(browser)!.exercises)).toEqual([first]);
  });

  it('a progress file keyed by the same names changes no Object property either', () => {
    const before = globalsShape();
    const entries = Object.fromEntries(hostile.map((id) => [id, { attempts: 3, hints: 1, solved: '2024-01-01T00:00:00.000Z' }]));
    const report = importProgress(progressFile(entries), catalogue);
    expect(globalsShape()).toEqual(before);
    expect(report).toMatchObject({ imported: 0, unknown: hostile.length });
  });

  it('an exercise really called constructor is an entry of its own, saved and read back, not Object', () => {
    const before = globalsShape();
    importProgress(rawCode({ n: '', s: ['constructor'] }), new Set(['constructor']));
    recordAttempt('constructor', 'my answer', false);
    expect(globalsShape()).toEqual(before);
    expect(Object.hasOwn(Object, 'attempts')).toBe(false);
    const saved = new Map(Object.entries(savedRecord(browser)!.exercises)).get('constructor');
    expect(saved).toMatchObject({ attempts: 1, answer: 'my answer', solved: expect.any(String) });
    expect(loadProgress().exercises.get('constructor')).toEqual(saved);
  });
});

describe('progress import', () => {
  it('a 9 MB code is refused by its size before anything decodes it, and nothing is saved', () => {
    const ids = Array.from({ length: 400_000 }, (_, i) => `exercise-${i}`);
    const code = rawCode({ n: '', s: ids });
    expect(code.length).toBeGreaterThan(9_000_000);
    const decoded = vi.spyOn(globalThis, 'atob');
    const parsed = vi.spyOn(JSON, 'parse');
    expect(() => importProgress(code, catalogue)).toThrow(new UnreadableProgress(`the code is ${Math.ceil(code.length / 1024)} KB long; a progress code is at most 64 KB`));
    expect(decoded).not.toHaveBeenCalled();
    expect(parsed).not.toHaveBeenCalled();
    expect(browser.storage.writes).toBe(0);
  });

  it('a code of the whole catalogue is far below the size limit', () => {
    updateProgress((p) => {
      for (const id of catalogue) p.exercises.set(id, { attempts: 1, hints: 0, solved: new Date().toISOString() });
    });
    const code = exportCode();
    expect(code.length).toBeLessThan(MAX_CODE_CHARS / 8);
    expect(importProgress(code, catalogue)).toMatchObject({ imported: catalogue.size, solved: catalogue.size });
  });

  it('keeps only ids of the catalogue and says what it imported and what it ignored', () => {
    const report = importProgress(rawCode({ n: 'Ada', s: [first, second, 'no-such-exercise', 'retired-one', 'x'] }), catalogue);
    expect(describeImport(report)).toBe('Imported 2 exercises, 2 solved; ignored 3 unknown exercise ids. Your other progress is kept.');
    expect(Object.keys(savedRecord(browser)!.exercises).sort()).toEqual([first, second].sort());
    expect(savedRecord(browser)!.name).toBe('Ada');
  });

  it('a progress file keeps its well-formed entries of known exercises and counts the others', () => {
    const good = { attempts: 2, hints: 1, answer: '6443', solved: '2024-05-01T10:00:00.000Z' };
    const report = importProgress(progressFile({ [first]: good, [second]: { attempts: 'many', hints: 0 }, ghost: good }), catalogue);
    expect(report).toEqual({ imported: 1, solved: 1, unknown: 1, malformed: 1 });
    expect(describeImport(report)).toBe('Imported 1 exercise, 1 solved; ignored 1 unknown exercise id and 1 entry that is not progress. Your other progress is kept.');
    expect(savedRecord(browser)!.exercises).toEqual({ [first]: good });
  });

  it('when the browser refuses to save (QuotaExceededError), nothing is reported as imported and what was saved stays', () => {
    recordAttempt(first, 'kept', false);
    const before = browser.storage.getItem(KEY);
    browser.storage.quota = KEY.length + before!.length + 10;
    const code = rawCode({ n: 'Ada', s: [...catalogue] });
    expect(() => importProgress(code, catalogue)).toThrow(new UnreadableProgress('this browser refused to save it (its storage is full or disabled); your saved progress is unchanged'));
    expect(browser.storage.getItem(KEY)).toBe(before);
    expect(loadProgress().exercises.size).toBe(1);
  });

  it('refuses a text too long to be a progress file before parsing it', () => {
    const parsed = vi.spyOn(JSON, 'parse');
    const text = progressFile({ [first]: { attempts: 1, hints: 0, answer: 'x'.repeat(3 * 1024 * 1024) } });
    expect(() => importProgress(text, catalogue)).toThrow(UnreadableProgress);
    expect(parsed).not.toHaveBeenCalled();
  });

  it('merges: saved answers and larger counts stay, solved stays solved at the earlier time', () => {
    browser.storage.setItem(KEY, progressFile({ [first]: { attempts: 5, hints: 0, answer: 'mine', solved: '2024-01-02T00:00:00.000Z' }, [second]: { attempts: 1, hints: 2 } }));
    importProgress(progressFile({ [first]: { attempts: 1, hints: 1, answer: 'theirs', solved: '2024-01-01T00:00:00.000Z' }, [second]: { attempts: 3, hints: 0, solved: '2024-03-01T00:00:00.000Z' } }), catalogue);
    expect(savedRecord(browser)!.exercises).toEqual({
      [first]: { attempts: 5, hints: 1, answer: 'mine', solved: '2024-01-01T00:00:00.000Z' },
      [second]: { attempts: 3, hints: 2, solved: '2024-03-01T00:00:00.000Z' },
    });
  });

  it('a code solves its exercises at the time the code was made, never later than now', () => {
    const now = new Date('2024-06-01T12:00:00Z');
    const made = readImport(rawCode({ n: '', s: [first], t: Date.parse('2024-05-01T00:00:00Z') / 1000 }), catalogue, now);
    expect(made.progress.exercises.get(first)?.solved).toBe('2024-05-01T00:00:00.000Z');
    const future = readImport(rawCode({ n: '', s: [first], t: Date.parse('2030-01-01T00:00:00Z') / 1000 }), catalogue, now);
    expect(future.progress.exercises.get(first)?.solved).toBe(now.toISOString());
  });
});

describe('progress codes', () => {
  it('every code this browser makes carries the same attendee id, saved with progress, and the time it was made', () => {
    recordAttempt(first, 'a', true);
    const one = decodeCode(exportCode(new Date('2024-05-01T10:00:00Z')));
    const two = decodeCode(exportCode(new Date('2024-05-01T11:00:00Z')));
    expect(one.attendee).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
    expect(two.attendee).toBe(one.attendee);
    expect(savedRecord(browser)!.attendee).toBe(one.attendee);
    expect([one.time?.toISOString(), two.time?.toISOString()]).toEqual(['2024-05-01T10:00:00.000Z', '2024-05-01T11:00:00.000Z']);
    expect(one.solved).toEqual([first]);
    expect(JSON.parse(exportFile()).attendee).toBe(one.attendee);
  });

  it('two browsers make different attendee ids; a browser without one adopts the id of an imported code', () => {
    const mine = decodeCode(exportCode()).attendee;
    vi.unstubAllGlobals();
    browser = fakeBrowser();
    const other = decodeCode(exportCode()).attendee;
    expect(other).not.toBe(mine);
    vi.unstubAllGlobals();
    browser = fakeBrowser();
    importProgress(rawCode({ n: 'Ada', s: [third], a: mine, t: 1_700_000_000 }), catalogue);
    expect(decodeCode(exportCode()).attendee).toBe(mine);
    importProgress(rawCode({ n: 'Bob', s: [], a: other }), catalogue);
    expect(decodeCode(exportCode())).toMatchObject({ attendee: mine, name: 'Ada' });
  });

  it('reads codes made before attendee ids and times', () => {
    expect(decodeCode(rawCode({ n: 'Ada', s: [first, first, second] }))).toEqual({ name: 'Ada', solved: [first, second] });
  });

  it('refuses codes whose fields have the wrong types, naming the problem', () => {
    for (const value of [null, [], 'x', { n: 1, s: [] }, { n: '', s: [1] }, { n: '', s: [], a: 'short' }, { n: '', s: [], t: -1 }, { n: '', s: [], t: 1.5 }, { n: '', s: [], t: 1e15 }]) {
      expect(() => decodeCode(rawCode(value))).toThrow(new UnreadableProgress('the code does not hold progress from this site'));
    }
    expect(() => decodeCode('ARO1-%%%')).toThrow(new UnreadableProgress('the code is damaged (was it copied whole?)'));
    expect(() => decodeCode(`ARO1-${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`)).toThrow(new UnreadableProgress('the code is damaged (was it copied whole?)'));
    expect(() => decodeCode('hello')).toThrow(new UnreadableProgress('a progress code starts with ARO1-'));
  });

  it(`whatever follows ARO1- (seed ${SEED}), reading a code or importing it throws nothing but UnreadableProgress`, () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
      fc.record({ n: fc.anything(), s: fc.array(fc.anything(), { maxLength: 5 }), a: fc.anything(), t: fc.anything() }, { requiredKeys: [] }).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
    );
    const before = globalsShape();
    fc.assert(
      fc.property(junk, (tail) => {
        for (const read of [() => decodeCode(`ARO1-${tail}`), () => importProgress(`ARO1-${tail}`, catalogue), () => importProgress(tail, catalogue)]) {
          try {
            read();
          } catch (error) {
            expect(error).toBeInstanceOf(UnreadableProgress);
          }
        }
      }),
      { numRuns: 500, seed: SEED },
    );
    expect(globalsShape()).toEqual(before);
  });
});

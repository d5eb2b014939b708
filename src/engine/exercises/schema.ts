// Validation of exercise files (labs/exercises/<chapter>.json): shapes with zod, then the facts a
// catalogue needs (ids unique across chapters). Problems read `<file>: <path>: <reason>`.
import { z } from 'zod';
import type { ChapterExercises } from './types.ts';

export class ExerciseFileError extends Error {}

const lines = z.array(z.string().min(1)).min(1);

const valueCheck = z.strictObject({
  kind: z.literal('value'),
  answer: z.enum(['ip', 'name', 'number', 'text', 'list']),
  expect: lines,
  among: lines.optional(),
  noun: z.string().optional(),
  wrong: z.array(z.strictObject({ find: lines, say: z.string().min(1), sameAsAnswerOn: z.array(z.string().min(1)).optional() })).optional(),
});

const outputCheck = z.strictObject({ kind: z.literal('output'), reference: lines });

/** A regular expression as JavaScript reads it: a condition that cannot compile is refused at load. */
const pattern = z.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const say = z.string().min(1);
const stateCondition = z.union([
  z.strictObject({ run: lines, matches: pattern, say }),
  z.strictObject({ run: lines, lacks: pattern, say }),
  z.strictObject({ run: lines, among: lines, say }),
  z.strictObject({ wrote: z.strictObject({ method: z.enum(['PUT', 'PATCH', 'POST', 'DELETE']), path: pattern }), say }),
]);

const stateCheck = z.strictObject({ kind: z.literal('state'), conditions: z.array(stateCondition).min(1) });

const exercise = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes'),
  title: z.string().min(1),
  task: z.string().min(1),
  hints: z.array(z.string().min(1)).min(1),
  setup: z.array(z.string().min(1)).optional(),
  solution: z.strictObject({ commands: lines, explain: z.string().min(1) }),
  check: z.discriminatedUnion('kind', [valueCheck, outputCheck, stateCheck]),
  counterexamples: z.array(z.string().min(1)).optional(),
  labs: z.array(z.string()).optional(),
  onlyOn: z.array(z.string().min(1)).min(1).optional(),
});

const chapterFile = z.strictObject({
  chapter: z.string().regex(/^(\d\d|scenario)-[a-z0-9-]+$/, 'a chapter slug such as 03-load-balancers, or scenario-<name>'),
  exercises: z.array(exercise).min(1),
});

export function parseExerciseFile(value: unknown, file: string): ChapterExercises {
  const parsed = chapterFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExerciseFileError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Every id must be unique across chapters: progress is saved by id. */
export function assertUniqueIds(files: ChapterExercises[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const { id } of file.exercises) {
      const other = seen.get(id);
      if (other) throw new ExerciseFileError(`exercise id "${id}" is used in ${other} and ${file.chapter}`);
      seen.set(id, file.chapter);
    }
  }
}

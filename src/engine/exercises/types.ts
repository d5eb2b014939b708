// Exercises are data (labs/exercises/<chapter>.json). A check never holds the answer itself: it
// holds the commands that find the answer in whatever world the terminal uses, fixture or live.
import type { RestWrite } from '../world/types.ts';

/** How an answer is read and compared. */
export type AnswerKind = 'ip' | 'name' | 'number' | 'text' | 'list';

/** A wrong answer worth naming: when the reader's answer equals what `find` prints, say `say`. */
export interface Distractor {
  /** Shell lines run in a fresh session after the setup; the last line's output is the value. */
  find: string[];
  /** The feedback; `{answer}` is replaced by the reader's answer. */
  say: string;
  /** The labs on which `find` deliberately prints the right answer (the answer is then judged right
   *  before this rule is read); on every other lab a wrong rule must differ from the answer. */
  sameAsAnswerOn?: string[];
}

/** The reader answers with a value, compared with what the `expect` lines print in this world. */
export interface ValueCheck {
  kind: 'value';
  answer: AnswerKind;
  expect: string[];
  /** Valid values of the same sort (all load balancer names, say), for "exists but is not the one". */
  among?: string[];
  /** What to call the values of `among` in feedback ("load balancer"). */
  noun?: string;
  wrong?: Distractor[];
}

/** The reader answers with a command; it passes when it prints what the reference prints. */
export interface OutputCheck {
  kind: 'output';
  reference: string[];
}

/** One fact the reader's changed world must show, judged on the last line's standard output of
 * `run` (run in a fresh session on that world, after the setup; a failing line counts as printing
 * what it printed): it `matches` a regular expression, `lacks` one, or one of its words is one of
 * the words `among` prints. Or, with `wrote`, the world's journal holds a change of that method to a path matching
 * the expression (a pod deleted, say, when what follows is the same world with new names). */
export type StateCondition = {
  /** What is still wrong, in this world's terms; `{output}` is what `run` printed, on one line. */
  say: string;
} & (
  | { run: string[]; matches: string }
  | { run: string[]; lacks: string }
  | { run: string[]; among: string[] }
  | { wrote: { method: RestWrite['method']; path: string } }
);

/** The reader changes the lab in the terminal, then types `submit ID`: the check looks at the
 * world as it is now. It passes when every condition holds; otherwise it says the first that does not. */
export interface StateCheck {
  kind: 'state';
  conditions: StateCondition[];
}

export type Check = ValueCheck | OutputCheck | StateCheck;

export interface Exercise {
  id: string;
  title: string;
  /** One or two sentences. */
  task: string;
  /** Revealed one at a time. */
  hints: string[];
  /** Lines run before the check's own, and before the reader's command in output checks. */
  setup?: string[];
  solution: {
    /** Commands that lead to the answer; for output checks the last one is a passing answer. */
    commands: string[];
    /** Why the answer is what it is, shown with the solution and after a right answer. */
    explain: string;
  };
  check: Check;
  /** Answers that must fail the check in every world (the test suite replays them). */
  counterexamples?: string[];
  /** Only in these labs (scenario exercises); every lab when absent. */
  labs?: string[];
  /** A chapter's exercise that only some of the chapter's labs can do (a change today's layout
   * allows and the 2020 layout does not): the other labs do not offer it. */
  onlyOn?: string[];
}

export interface ChapterExercises {
  /** The chapter's slug: content/chapters/<chapter>.mdx. */
  chapter: string;
  exercises: Exercise[];
}

export interface ExerciseSummary {
  id: string;
  chapter: string;
  title: string;
}

export interface Verdict {
  correct: boolean;
  /** What was right or which part is wrong and why. */
  message: string;
}

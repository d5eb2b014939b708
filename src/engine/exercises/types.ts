// Exercises are data (labs/exercises/<chapter>.json). A check never holds the answer itself: it
// holds the commands that find the answer in whatever world the terminal uses, fixture or live.

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

export type Check = ValueCheck | OutputCheck;

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

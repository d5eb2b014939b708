// `submit ID ANSWER`: checks an exercise's answer in this terminal's world. For exercises answered
// by a command's output, `submit ID` alone checks what the previous command printed; for exercises
// that ask for a change, it checks the lab as the reader left it.
import type { Command } from '../types.ts';

const USAGE = 'usage: submit ID [ANSWER]\n';

export const submit: Command = {
  name: 'submit',
  summary: "Check an exercise's answer: submit ID ANSWER (or submit ID after the command that prints it, or after changing the lab).",
  async run(ctx) {
    const desk = ctx.session.exercises;
    if (!desk) {
      ctx.stderr.write('submit: this terminal has no exercises\n');
      return 2;
    }
    const [, id, ...words] = ctx.argv;
    if (!id || id === '-h' || id === '--help') {
      ctx.stderr.write(`${USAGE}exercises: ${desk.ids().join(' ')}\n`);
      return 2;
    }
    const exercise = desk.describe(id);
    if (!exercise) {
      ctx.stderr.write(`submit: no exercise "${id}" (exercises: ${desk.ids().join(' ')})\n`);
      return 2;
    }
    const result = await desk.submit(id, words.length ? words.join(' ') : undefined, ctx.session.previousOutput);
    if (!result) return 2;
    ctx.stdout.write(`${exercise.title}: ${result.verdict.message}\n`);
    return result.verdict.correct ? 0 : 1;
  },
  async complete(words, session) {
    return words.length === 2 ? (session.exercises?.ids() ?? []) : [];
  },
};

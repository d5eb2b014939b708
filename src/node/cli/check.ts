// `aro-labs check ID ANSWER`: checks one exercise in the chosen lab with the page's feedback;
// exit 0 when right, 1 when wrong. For exercises answered by a command, ANSWER is the command.
import { loadCatalogue } from '../exercises.ts';
import { forLab, checkAnswer, createFixtureWorld } from '../../engine/index.ts';
import { chosenLab, labOptions, UsageError, write, type CliCommand } from './common.ts';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check [--lab NAME | --lab-file FILE] ID ANSWER',
  summary: 'Check an answer (a command, for exercises answered by output); exit 0 when right, 1 when wrong.',
  options: { ...labOptions },
  async run(values, positionals) {
    const [id, ...words] = positionals;
    if (!id || words.length === 0) throw new UsageError(id ? 'give the answer after the exercise id' : 'give an exercise id and an answer');
    const lab = await chosenLab(values);
    const exercises = forLab(await loadCatalogue(), lab.info.name);
    const exercise = exercises.find((e) => e.id === id);
    if (!exercise) throw new UsageError(`no exercise "${id}" in lab ${lab.info.name} (aro-labs exercises lists them)`);
    const verdict = await checkAnswer(createFixtureWorld(lab), exercise, words.join(' '));
    await write(process.stdout, `${verdict.message}\n`);
    return verdict.correct ? 0 : 1;
  },
};

// `aro-labs exercises`: the exercises a lab offers; `--json` as [{id, chapter, title}].
import { loadCatalogue } from '../exercises.ts';
import { forLab, summary } from '../../engine/index.ts';
import { chosenLab, labOptions, write, type CliCommand } from './common.ts';

export const exercisesCommand: CliCommand = {
  name: 'exercises',
  usage: 'exercises [--lab NAME | --lab-file FILE] [--json]',
  summary: "List the lab's exercises (--json: an array of {id, chapter, title}).",
  options: { ...labOptions, json: { type: 'boolean' } },
  async run(values) {
    const lab = await chosenLab(values);
    const list = forLab(await loadCatalogue(), lab.info.name).map(summary);
    if (values.json) {
      await write(process.stdout, `${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    const width = (key: 'id' | 'chapter') => Math.max(key.length, ...list.map((e) => e[key].length));
    const row = (id: string, chapter: string, title: string) => `${id.padEnd(width('id'))}  ${chapter.padEnd(width('chapter'))}  ${title}\n`;
    await write(process.stdout, row('ID', 'CHAPTER', 'TITLE') + list.map((e) => row(e.id, e.chapter, e.title)).join(''));
    return 0;
  },
};

// `aro-labs labs`: the labs that ship in labs/.
import { listLabs } from '../labs.ts';
import { write, type CliCommand } from './common.ts';

export const labsCommand: CliCommand = {
  name: 'labs',
  usage: 'labs',
  summary: 'List the built-in labs (the default is aro2).',
  options: { help: { type: 'boolean', short: 'h' } },
  async run() {
    const labs = await listLabs();
    const width = Math.max(...labs.map((l) => l.name.length));
    const lines = labs.map((l) => `${l.name.padEnd(width)}  ${l.title}\n`);
    await write(process.stdout, lines.join(''));
    return 0;
  },
};

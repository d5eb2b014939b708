// `aro-labs walk`: one packet's path through the lab, hop by hop, as a table or as JSON.
import { FLOWS, isFlow, walk, WalkError, walkTable } from '../../engine/index.ts';
import { chosenLab, labOptions, UsageError, write, type CliCommand } from './common.ts';

export const walkCommand: CliCommand = {
  name: 'walk',
  usage: 'walk [--lab NAME | --lab-file FILE] (FLOW [--json] | --list)',
  summary: `Follow one packet through the lab hop by hop; flows: ${FLOWS.map((f) => f.name).join(', ')}.`,
  options: { ...labOptions, json: { type: 'boolean' }, list: { type: 'boolean' } },
  async run(values, positionals) {
    if (values.list) {
      if (positionals.length) throw new UsageError('--list takes no flow');
      await write(process.stdout, FLOWS.map((f) => `${f.name.padEnd(8)}  ${f.title}\n`).join(''));
      return 0;
    }
    const [flow, extra] = positionals;
    if (!flow) throw new UsageError(`name a flow: ${FLOWS.map((f) => f.name).join(', ')} (walk --list describes them)`);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    if (!isFlow(flow)) throw new UsageError(`no flow "${flow}"; the flows are ${FLOWS.map((f) => f.name).join(', ')}`);
    const lab = await chosenLab(values);
    let result;
    try {
      result = walk(lab, flow);
    } catch (error) {
      if (error instanceof WalkError) {
        await write(process.stderr, `aro-labs walk: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    if (values.json) {
      await write(process.stdout, `${JSON.stringify(result.hops, null, 2)}\n`);
    } else await write(process.stdout, walkTable(result));
    return result.stopped ? 1 : 0;
  },
};

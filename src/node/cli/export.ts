// `aro-labs export`: a lab's ARM resources or Kubernetes objects as the real APIs return them.
import { exportArm, exportKube } from '../../engine/index.ts';
import { chosenLab, labOptions, UsageError, write, type CliCommand } from './common.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export (--lab NAME | --lab-file FILE) (--arm | --k8s)',
  summary: 'Print all ARM resources (one JSON array) or all Kubernetes objects (one v1 List).',
  options: { ...labOptions, arm: { type: 'boolean' }, k8s: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (Boolean(values.arm) === Boolean(values.k8s)) throw new UsageError('choose one of --arm or --k8s');
    const lab = await chosenLab(values);
    const data = values.arm ? exportArm(lab) : exportKube(lab);
    await write(process.stdout, `${JSON.stringify(data, null, 2)}\n`);
    return 0;
  },
};

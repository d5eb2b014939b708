// `aro-labs snapshot`: the reader's cluster, as the chapters read it, into a lab file without
// secrets, to load offline with --lab-file or in the browser's workshop mode.
import { writeFile } from 'node:fs/promises';
import { chosenCluster, clusterOptions, UsageError, write, type CliCommand } from './common.ts';

export const snapshotCommand: CliCommand = {
  name: 'snapshot',
  usage: 'snapshot --cluster NAME -g GROUP --out FILE [--redact-ips] [--name LAB] [--namespace NS ...]',
  summary: 'Capture your cluster into a lab file: no secrets, ids replaced, public IPs remapped with --redact-ips.',
  options: {
    ...clusterOptions,
    out: { type: 'string' },
    'redact-ips': { type: 'boolean' },
    name: { type: 'string' },
    namespace: { type: 'string', multiple: true },
  },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const { cluster, group } = chosenCluster(values, 'the snapshot');
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('--out FILE is required');
    const name = (values.name as string | undefined) ?? 'snapshot';
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new UsageError(`--name: "${name}" must be lower-case words joined by dashes`);
    const [{ createLiveWorld }, { takeSnapshot, redactionNote }] = await Promise.all([import('../live/world.ts'), import('../live/snapshot.ts')]);
    const world = await createLiveWorld({ cluster, group, reads: 'snapshot' });
    const { lab, replacements, redacted } = await takeSnapshot(world, {
      cluster,
      group,
      name,
      redactIps: Boolean(values['redact-ips']),
      namespaces: values.namespace as string[] | undefined,
    });
    await writeFile(out, `${JSON.stringify(lab, null, 2)}\n`, { mode: 0o600 });
    const ips = [...replacements.keys()].filter((k) => /^\d+\.\d+\.\d+\.\d+$/.test(k)).length;
    await write(
      process.stdout,
      `Wrote ${out}: ${lab.arm.length} Azure resources and ${lab.kube.length} Kubernetes objects of cluster ${cluster}; ` +
        `${replacements.size - ips} ids replaced${values['redact-ips'] ? `, ${ips} public IPs remapped to documentation ranges` : ''}.\n` +
        `${redactionNote(redacted)}\n` +
        `Use it with: aro-labs shell --lab-file ${out}  (or load it on the site's labs page)\n`,
    );
    return 0;
  },
};

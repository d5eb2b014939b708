// `--save FILE` of exec and shell: the world as the session left it, written as a lab file that
// `--lab-file FILE` (and the labs page) loads again.
import { writeFile } from 'node:fs/promises';
import { parseLabFile, type World } from '../../engine/index.ts';
import { UsageError, type OptionValues } from './common.ts';

export const saveOption = { save: { type: 'string' } } as const;

/** The file --save names; refused before anything runs in live mode, which changes nothing. */
export function saveTarget(values: OptionValues): string | undefined {
  const save = values.save;
  if (save === undefined) return undefined;
  if (typeof save !== 'string' || save === '') throw new UsageError('--save needs a file name');
  if (values.live) throw new UsageError('--save writes a lab changed in this session; --live only reads your cluster, so there is nothing to save');
  return save;
}

/** Writes the changed world, checked as a lab file first (what cannot be loaded again is not written). */
export async function saveWorld(world: World, file: string): Promise<void> {
  if (!world.changes) return;
  const lab = parseLabFile(world.changes.current(), `the lab to save in ${file}`);
  try {
    await writeFile(file, `${JSON.stringify(lab, null, 2)}\n`);
  } catch (error) {
    throw new Error(`${file}: the lab could not be saved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}

// A lab's world file from its spec, and the text `npm run labs` writes for it.
import type { LabFile } from '../../src/engine/world/types.ts';
import { buildArm } from './arm.ts';
import { buildKube } from './kube.ts';
import type { LabSpec } from './spec.ts';

export function buildWorld(spec: LabSpec): LabFile {
  return { formatVersion: 1, info: spec.info, arm: buildArm(spec), kube: buildKube(spec) };
}

/** labs/<lab>/world.json as written: two-space JSON and a final newline. */
export function worldText(lab: LabFile): string {
  return `${JSON.stringify(lab, null, 2)}\n`;
}

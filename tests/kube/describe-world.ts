// The world of the recorded describe goldens: a built-in lab plus the hand-made objects of
// goldens/describe-objects.json (every field the describers print: init containers, probes,
// environment sources, volumes, tolerations, events with counts and series, services of every
// shape, policies with every kind of peer) and nodes given their capacity.
import { readFileSync } from 'node:fs';
import { loadLab } from '../../src/node/labs.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';

export interface DescribeGoldenInput {
  lab: string;
  objects: KubeObject[];
  nodeStatus: Record<string, Record<string, unknown>>;
  lines: string[];
}

export interface DescribeGolden {
  line: string;
  stdout: string;
  stderr: string;
  exit: number;
}

export const describeInput: DescribeGoldenInput = JSON.parse(readFileSync(new URL('./goldens/describe-objects.json', import.meta.url), 'utf8'));

export async function describeGoldenLab(): Promise<LabFile> {
  const lab = await loadLab({ name: describeInput.lab });
  const kube = lab.kube.map((o): KubeObject => (o.kind === 'Node' && describeInput.nodeStatus[o.metadata.name] ? ({ ...o, status: { ...(o.status as object), ...describeInput.nodeStatus[o.metadata.name] } } as KubeObject) : o));
  return { ...lab, kube: [...kube, ...describeInput.objects] };
}

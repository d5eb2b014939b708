// A lab whose free text holds terminal escapes: the clipboard write (OSC 52), a window title
// (OSC 0) and a screen clear (CSI 2J) in a pod's annotation, a container's environment value, a
// public IP's tag, the SQL server's version the app reports and the lab's title.
import { readFileSync } from 'node:fs';
import type { LabFile } from '../../src/engine/world/types.ts';

export const ESCAPES = 'a\x1b]52;c;aGk=\x07b\x1b]0;title\x07c\x1b[2Jd';
export const POD = 'sqlapi-1-8jgx8';
export const PUBLIC_IP = 'aro2-p8bjm-pip-v4';
export const ROUTE_URL = 'http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

/** aro2 with `value` in the free text listed above. */
export function labWithText(value: string = ESCAPES): LabFile {
  const lab = JSON.parse(readFileSync(new URL('../../labs/aro2/world.json', import.meta.url), 'utf8')) as LabFile;
  const pod = lab.kube.find((o) => o.kind === 'Pod' && o.metadata.name === POD)!;
  pod.metadata.annotations = { note: value };
  const containers = (pod.spec as { containers: Array<{ env?: Array<{ name: string; value: string }> }> }).containers;
  containers[0].env = [...(containers[0].env ?? []), { name: 'NOTE', value }];
  lab.arm.find((r) => r.name === PUBLIC_IP)!.tags = { note: value };
  lab.info.app.sqlVersion = value;
  lab.info.title = `Escapes ${value}`;
  return lab;
}

// kubectl's generic describer, for kinds kubectl has no describer of (routes, projects, the
// operators' custom resources): the object's fields in sorted order, each map a nested block,
// each list item one level deeper, then its events (searched with its kind, name, namespace, uid).
import type { KubeObject, World } from '../../../world/types.ts';
import type { ApiResource } from '../../../world/kube-resources.ts';
import { resourcePath } from '../../../world/kube-resources.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { goPrintV } from '../../../format/kube/go-values.ts';
import { isJsonObject } from '../../../world/json.ts';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

export async function describeGeneric(world: World, res: ApiResource, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const qualified = res.group ? `${res.plural}.${res.group}` : res.plural;
  const obj = await getTyped(world, resourcePath(res, res.namespaced ? namespace : undefined, name), `${qualified} "${name}" not found`);
  const full: KubeObject = { ...obj, apiVersion: obj.apiVersion || (res.group ? `${res.group}/${res.version}` : res.version), kind: obj.kind || res.kind };
  const events = settings.showEvents
    ? await searchEvents(world, { kind: full.kind, name: full.metadata.name, namespace: full.metadata.namespace ?? '', uid: full.metadata.uid }, settings.chunkSize)
    : undefined;
  return describeInWriter((w) => {
    w.write(0, `Name:\t${full.metadata.name}\n`);
    w.write(0, `Namespace:\t${full.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', full.metadata.labels);
    printAnnotations(w, 'Annotations', full.metadata.annotations);
    printUnstructured(w, 0, full, '');
    if (events) describeEvents(events, w, settings.now);
  });
}

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (SKIP.includes(skipExpr)) continue;
    if (isJsonObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value, skipExpr);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isJsonObject(child)) printUnstructured(w, level + 1, child, skipExpr);
        else w.write(level + 1, `${goPrintV(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goPrintV(value)}\n`);
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: camelCase to words ("loadBalancer" → "Load Balancer"), acronyms kept. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  const parts = camelCaseSplit(field);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '_') continue;
    const upper = part.toUpperCase();
    if (ACRONYMS.includes(upper)) out.push(upper);
    else out.push(part.charAt(0).toUpperCase() + part.slice(1));
  }
  return out.join(' ');
}

/** github.com/fatih/camelcase Split: runs of lower-case letters, upper-case letters, digits and
 * other characters; an upper-case run followed by lower case gives its last letter to the next word. */
function camelCaseSplit(src: string): string[] {
  const runs: string[] = [];
  let lastClass = 0;
  for (const r of src) {
    const cls = /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{N}/u.test(r) ? 3 : 4;
    if (cls === lastClass && runs.length > 0) runs[runs.length - 1] += r;
    else runs.push(r);
    lastClass = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = [...runs[i]];
    const b = runs[i + 1];
    if (/\p{Lu}/u.test(a[0]) && /\p{Ll}/u.test(b[0])) {
      runs[i + 1] = a[a.length - 1] + b;
      runs[i] = a.slice(0, -1).join('');
    }
  }
  return runs.filter((r) => r.length > 0);
}

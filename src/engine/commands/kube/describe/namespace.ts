// kubectl's NamespaceDescriber: the namespace, its phase and conditions, then its resource quotas
// and limit ranges (a server that does not serve them answers 404: the section is left out).
import type { KubeObject, World } from '../../../world/types.ts';
import { plainError } from '../cli.ts';
import { getTyped } from './events.ts';
import { rfc1123z } from './go.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { arr, field, type Json } from '../../../world/json.ts';

/** The items of a namespace's collection, or undefined when the server does not serve it. */
async function itemsOf(world: World, path: string): Promise<Json[] | undefined> {
  const response = await world.kube(path);
  if (response.failure || response.status === 404) return undefined;
  return arr(field(response.body, 'items'));
}

export async function describeNamespaceByName(world: World, _namespace: string, name: string, _settings: DescribeSettings): Promise<string> {
  const ns = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(name)}`, `namespaces "${name}" not found`);
  const quotas = await itemsOf(world, `/api/v1/namespaces/${encodeURIComponent(name)}/resourcequotas`);
  const limits = await itemsOf(world, `/api/v1/namespaces/${encodeURIComponent(name)}/limitranges`);
  if ((quotas?.length ?? 0) > 0 || (limits?.length ?? 0) > 0) throw plainError('describing the quotas and limit ranges of a namespace is not available in this lab terminal');
  return describeNamespace(ns, quotas, limits);
}

export function describeNamespace(ns: KubeObject, quotas: readonly unknown[] | undefined, limits: readonly unknown[] | undefined): string {
  const status = ns.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${ns.metadata.name}\n`);
    printLabels(w, 'Labels', ns.metadata.labels);
    printAnnotations(w, 'Annotations', ns.metadata.annotations);
    w.write(0, `Status:\t${String(status.phase ?? '')}\n`);
    const conditions = arr(status.conditions);
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t------------------\t------\t-------\n');
      const text = (c: Json, key: string) => String(field(c, key) ?? '');
      for (const c of conditions) w.write(1, `${text(c, 'type')}\t${text(c, 'status')}\t${rfc1123z(field(c, 'lastTransitionTime'))}\t${text(c, 'reason')}\t${text(c, 'message')}\n`);
    }
    if (quotas) w.write(0, '\nNo resource quota.\n');
    if (limits) w.write(0, '\nNo LimitRange resource.\n');
  });
}

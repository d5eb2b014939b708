// kubectl's ServiceAccountDescriber (pkg/describe describeServiceAccount): the account, then its
// image pull secrets, mountable secrets (`secrets`) and tokens (the namespace's
// service-account-token secrets annotated with its name and uid), each header in sorted order,
// a secret it names that the namespace lacks marked "(not found)", and its events.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { describeInWriter, listItems, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { arr, field } from '../../../world/json.ts';

export async function describeServiceAccountByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const sa = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}`, `serviceaccounts "${name}" not found`);
  const secrets = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`);
  const tokens = secrets.filter(
    (s) =>
      field(s, 'type') === 'kubernetes.io/service-account-token' &&
      field(s, 'metadata', 'annotations', 'kubernetes.io/service-account.name') === sa.metadata.name &&
      (field(s, 'metadata', 'annotations', 'kubernetes.io/service-account.uid') ?? '') === (sa.metadata.uid ?? ''),
  );
  const existing = new Set(secrets.map((s) => String(field(s, 'metadata', 'name'))));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace ?? '', uid: sa.metadata.uid }, settings.chunkSize) : undefined;
  return describeServiceAccount(sa, tokens.map((t) => String(field(t, 'metadata', 'name'))), existing, events, settings.now);
}

export function describeServiceAccount(sa: KubeObject, tokens: string[], existing: Set<string>, events: readonly unknown[] | undefined, now: Date): string {
  const names = (list: unknown) => arr(list).map((s) => String(field(s, 'name')));
  const pull = names(sa.imagePullSecrets);
  const mount = names(sa.secrets);
  const missing = new Set([...pull, ...mount].filter((n) => !existing.has(n)));
  // Sorted by header: "Image pull secrets:", "Mountable secrets: ", "Tokens:            ".
  const sections: Array<[string, string[], boolean]> = [
    ['Image pull secrets:', pull, true],
    ['Mountable secrets: ', mount, true],
    ['Tokens:            ', tokens, false],
  ];
  return describeInWriter((w) => {
    w.write(0, `Name:\t${sa.metadata.name}\n`);
    w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', sa.metadata.labels);
    printAnnotations(w, 'Annotations', sa.metadata.annotations);
    for (const [header, list, checked] of sections) {
      if (list.length === 0) {
        w.write(0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of list) {
        w.write(0, `${prefix}\t${name}${checked && missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

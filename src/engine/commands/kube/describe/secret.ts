// kubectl's SecretDescriber: a secret's type and the size of each value, never the value (but a
// service account token's). Go ranges over the data map in a random order; the lab prints the keys
// in the order the object holds them, one of the orders kubectl prints.
import type { KubeObject, World } from '../../../world/types.ts';
import { getTyped } from './events.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { field, obj, str } from '../../../world/json.ts';

/** The length of what a base64 text decodes to. */
function decodedLength(b64: string): number {
  const text = b64.replace(/\s/g, '');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

export async function describeSecretByName(world: World, namespace: string, name: string, _settings: DescribeSettings): Promise<string> {
  const secret = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`, `secrets "${name}" not found`);
  return describeSecret(secret);
}

export function describeSecret(secret: KubeObject): string {
  const type = field(secret, 'type');
  return describeInWriter((w) => {
    w.write(0, `Name:\t${secret.metadata.name}\n`);
    w.write(0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', secret.metadata.labels);
    printAnnotations(w, 'Annotations', secret.metadata.annotations);
    w.write(0, `\nType:\t${String(type ?? '')}\n`);
    w.write(0, '\nData\n====\n');
    for (const [k, value] of Object.entries(obj(field(secret, 'data')))) {
      const v = str(value);
      if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${atob(v)}\n`);
      else w.write(0, `${k}:\t${decodedLength(v)} bytes\n`);
    }
  });
}

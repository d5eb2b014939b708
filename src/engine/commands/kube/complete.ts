// Tab completion for kubectl/oc: verbs, resource types, flags, and object names read from the
// world for the chosen type and namespace (like kubectl's __complete, which asks the server).
import type { SessionState } from '../types.ts';
import type { ToolName } from './cli.ts';
import { listObjects, discoveredResources } from './api.ts';
import { globalFlags } from './flags.ts';
import type { FlagDef } from './flags.ts';
import { getFlags } from './get.ts';
import { describeFlags } from './describe/index.ts';
import { logsFlags } from './logs.ts';
import { KUBECTL_COMMANDS, OC_COMMANDS } from './help.ts';
import { resolveResource } from '../../world/kube-resources.ts';

const OUTPUT_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

const verbFlags: Record<string, FlagDef[]> = {
  get: getFlags,
  describe: describeFlags,
  logs: logsFlags,
  project: [{ name: 'short', short: 'q', type: 'bool' }],
  projects: [{ name: 'short', short: 'q', type: 'bool' }],
  whoami: [
    { name: 'show-token', short: 't', type: 'bool' },
    { name: 'show-context', short: 'c', type: 'bool' },
    { name: 'show-server', type: 'bool' },
    { name: 'show-console', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
};

async function names(session: SessionState, typed: string, namespace: string): Promise<string[]> {
  const r = resolveResource(typed, await discoveredResources(session.world));
  if (!r.ok) return [];
  try {
    const list = await listObjects(session.world, r.resource, r.resource.namespaced ? namespace : undefined);
    return list.items.map((o) => o.metadata.name);
  } catch {
    return [];
  }
}

function byPrefix(candidates: Iterable<string>, prefix: string): string[] {
  const seen = new Set<string>();
  for (const c of candidates) if (c.startsWith(prefix)) seen.add(c);
  return [...seen];
}

export async function completeKube(tool: ToolName, words: string[], session: SessionState): Promise<string[]> {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(1, -1);
  const flagDefs = (verb: string | undefined): FlagDef[] => [...(verb ? (verbFlags[verb] ?? []) : []), ...globalFlags];

  // Find the verb and the positional arguments typed so far, skipping flags and their values.
  let verb: string | undefined;
  const positional: string[] = [];
  let namespace = session.namespace;
  for (let i = 0; i < before.length; i++) {
    const w = before[i];
    if (w.startsWith('-')) {
      const long = w.startsWith('--') ? w.slice(2).split('=')[0] : undefined;
      const def = flagDefs(verb).find((d) => (long !== undefined ? d.name === long : d.short === w.slice(1, 2)));
      const takesValue = def !== undefined && def.type !== 'bool' && !w.includes('=') && (long !== undefined || w.length === 2);
      if (takesValue && i + 1 < before.length) {
        if (def.name === 'namespace') namespace = before[i + 1];
        i++;
      } else if (def?.name === 'namespace') {
        namespace = w.includes('=') ? w.slice(w.indexOf('=') + 1) : w.slice(2);
      }
      continue;
    }
    if (verb === undefined) verb = w;
    else positional.push(w);
  }

  // The value of a flag.
  const prev = before[before.length - 1];
  if (prev !== undefined && prev.startsWith('-') && !prev.includes('=')) {
    const long = prev.startsWith('--') ? prev.slice(2) : undefined;
    const def = flagDefs(verb).find((d) => (long !== undefined ? d.name === long : d.short === prev.slice(1)));
    if (def && def.type !== 'bool') {
      if (def.name === 'namespace') return byPrefix(await names(session, 'namespaces', namespace), current);
      if (def.name === 'output') return byPrefix(OUTPUT_FORMATS, current);
      return [];
    }
  }

  if (current.startsWith('-')) {
    return byPrefix(
      flagDefs(verb).map((d) => `--${d.name}`),
      current,
    );
  }

  if (verb === undefined) return byPrefix(tool === 'oc' ? OC_COMMANDS : KUBECTL_COMMANDS, current);

  // describe, and the verbs that change an object, take what get takes: TYPE, TYPE/NAME, TYPE NAME_PREFIX.
  if (verb === 'get' || verb === 'describe' || verb === 'delete' || verb === 'label' || verb === 'annotate' || verb === 'patch') {
    if (positional.length === 0) {
      const slash = current.indexOf('/');
      if (slash >= 0) {
        const type = current.slice(0, slash);
        return byPrefix((await names(session, type, namespace)).map((n) => `${type}/${n}`), current);
      }
      const comma = current.lastIndexOf(',');
      const head = current.slice(0, comma + 1);
      // The types the server serves, as kubectl's completion asks discovery.
      const types = (await discoveredResources(session.world)).map((r) => r.plural);
      return byPrefix(
        types.map((t) => head + t),
        current,
      );
    }
    if (positional[0].includes('/')) return [];
    const type = positional[0].split(',')[0];
    return byPrefix(await names(session, type, namespace), current);
  }

  // logs takes a pod, or TYPE/NAME.
  if (verb === 'logs' && positional.length === 0) {
    const slash = current.indexOf('/');
    if (slash >= 0) return byPrefix((await names(session, current.slice(0, slash), namespace)).map((n) => `${current.slice(0, slash)}/${n}`), current);
    return byPrefix(await names(session, 'pods', namespace), current);
  }

  if (tool === 'oc' && verb === 'project' && positional.length === 0) {
    return byPrefix(await names(session, 'projects', namespace), current);
  }
  return [];
}

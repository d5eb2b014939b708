// Label and field selectors (`-l app=web,tier!=db`, `--field-selector status.phase=Running`). The
// API server applies them; the lab applies them again on what the world returns so that a world
// that ignores a selector still answers like a real server.
import type { KubeObject } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { field } from '../../world/json.ts';
import { KubeError } from './api.ts';

type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'eq' | 'neq'; value: string };

/** labels.Parse, loosely: undefined when the text is not a selector this parser understands. */
export function parseLabelSelector(text: string): LabelRequirement[] | undefined {
  const reqs: LabelRequirement[] = [];
  const s = text.trim();
  if (s === '') return reqs;
  // Split on commas outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^!\s*([A-Za-z0-9._\/-]+)$/.exec(p))) reqs.push({ key: m[1], op: 'notexists' });
    else if ((m = /^([A-Za-z0-9._\/-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      reqs.push({ key: m[1], op: m[2] === 'in' ? 'in' : 'notin', values: m[3].split(',').map((v) => v.trim()) });
    } else if ((m = /^([A-Za-z0-9._\/-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/.exec(p))) {
      reqs.push({ key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] });
    } else if ((m = /^([A-Za-z0-9._\/-]+)$/.exec(p))) reqs.push({ key: m[1], op: 'exists' });
    else return undefined;
  }
  return reqs;
}

export function matchesLabels(reqs: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'eq':
        return has && l[r.key] === r.value;
      case 'neq':
        return !has || l[r.key] !== r.value;
    }
  });
}

/** Field selectors the API server supports per resource (beyond metadata.name/namespace). */
const FIELD_GETTERS: Record<string, Record<string, (o: KubeObject) => string>> = {
  pods: {
    'spec.nodeName': (o) => String(o.spec?.nodeName ?? ''),
    'spec.restartPolicy': (o) => String(o.spec?.restartPolicy ?? ''),
    'spec.schedulerName': (o) => String(o.spec?.schedulerName ?? ''),
    'spec.serviceAccountName': (o) => String(o.spec?.serviceAccountName ?? ''),
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork === true),
    'status.phase': (o) => String(o.status?.phase ?? ''),
    'status.podIP': (o) => String(o.status?.podIP ?? ''),
    'status.nominatedNodeName': (o) => String(o.status?.nominatedNodeName ?? ''),
  },
  nodes: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable === true) },
  // Events (kubernetes pkg/registry/core/event/strategy.go ToSelectableFields): the involved object's fields, reason, source, type.
  events: {
    ...Object.fromEntries(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) => [`involvedObject.${f}`, (o: KubeObject) => String(field(o, 'involvedObject', f) ?? '')])),
    reason: (o) => String(field(o, 'reason') ?? ''),
    reportingComponent: (o) => String(field(o, 'reportingComponent') ?? ''),
    source: (o) => String(field(o, 'source', 'component') ?? ''),
    type: (o) => String(field(o, 'type') ?? ''),
  },
  namespaces: { 'status.phase': (o) => String(o.status?.phase ?? '') },
  services: {
    'spec.clusterIP': (o) => String(o.spec?.clusterIP ?? ''),
    'spec.type': (o) => String(o.spec?.type ?? ''),
  },
};

/** Applies `--field-selector`; an unsupported field is the API server's BadRequest. */
export function fieldSelectorFilter(
  res: ApiResource,
  selector: string,
  labelSelector: string,
): (o: KubeObject) => boolean {
  if (selector.trim() === '') return () => true;
  const tests = selector.split(',').map((part) => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) {
      throw new KubeError(`Error from server (BadRequest): invalid selector: '${selector}'; can't understand '${part}'`);
    }
    const [, key, op, value] = m;
    const getters = FIELD_GETTERS[res.plural] ?? {};
    const get =
      key === 'metadata.name'
        ? (o: KubeObject) => o.metadata.name
        : key === 'metadata.namespace'
          ? (o: KubeObject) => o.metadata.namespace ?? ''
          : getters[key];
    if (!get) {
      const gvr = `${res.group}/${res.version}, Resource=${res.plural}`;
      throw new KubeError(
        `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${selector}": field label not supported: ${key}`,
      );
    }
    return (o: KubeObject) => (op === '!=' ? get(o) !== value : get(o) === value);
  });
  return (o) => tests.every((t) => t(o));
}

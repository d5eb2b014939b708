// Fault scenarios: a built-in lab plus a few changes (labs/scenarios/<name>.json), applied the
// same way in the CLI, at build time and in the browser. A change names what it touches the way
// a reader would (an ARM resource by type and name, a Kubernetes object by kind, namespace and
// name) and a path inside it, so a scenario stays readable and survives edits of the base world.
import type { ArmResource, Json, KubeObject, LabFile } from './types.ts';

type Obj = Record<string, unknown>;

export interface ArmTarget {
  type: string;
  name: string;
}

export interface KubeTarget {
  kind: string;
  name: string;
  namespace?: string;
}

export type Change =
  /** Deep-merges `value` into the object at `path` (objects merge, anything else is replaced). */
  | { op: 'merge'; arm?: ArmTarget; kube?: KubeTarget; kubeAll?: { kind: string; namespace?: string; labels?: Record<string, string> }; info?: true; path?: string; value: Json }
  /** Appends `value` to the array at `path`. `info`: the lab's facts (e.g. the app's load). */
  | { op: 'append'; arm?: ArmTarget; kube?: KubeTarget; info?: true; path: string; value: Json }
  /** Adds a resource or object; `{subscription}` in ARM ids is the base lab's subscription. */
  | { op: 'add'; arm?: ArmResource; kube?: KubeObject }
  /** Deletes an object; the lab keeps it in `past`, deleted `at` (else at its last `Killing` event, else the clock). */
  | { op: 'remove'; kube: KubeTarget; at?: string }
  /** Removes the key at the end of `path` (`properties.subnets`): a property Azure leaves out. */
  | { op: 'unset'; arm?: ArmTarget; kube?: KubeTarget; path: string };

export interface ScenarioFile {
  formatVersion: 1;
  name: string;
  base: string;
  title: string;
  summary: string;
  /** What the reader is told happened: the symptom, not the cause. */
  story: string;
  changes: Change[];
}

export class ScenarioError extends Error {}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function merge(target: Obj, value: Obj): void {
  for (const [key, v] of Object.entries(value)) {
    if (isObj(v) && isObj(target[key])) merge(target[key] as Obj, v);
    else target[key] = structuredClone(v);
  }
}

/** `a.b[name=x].c`: keys, and array elements chosen by their `name`. */
function resolvePath(root: Obj, path: string | undefined, where: string): Obj {
  let current: unknown = root;
  for (const segment of (path ?? '').split('.').filter(Boolean)) {
    const m = /^([^[]+)(?:\[name=([^\]]+)\])?$/.exec(segment);
    if (!m || !isObj(current)) throw new ScenarioError(`${where}: cannot follow "${segment}" in ${path}`);
    current = current[m[1]];
    if (m[2] !== undefined) {
      if (!Array.isArray(current)) throw new ScenarioError(`${where}: ${m[1]} is not a list`);
      current = current.find((item) => isObj(item) && item.name === m[2]);
    }
    if (current === undefined) throw new ScenarioError(`${where}: nothing at "${segment}" in ${path}`);
  }
  if (!isObj(current) && !Array.isArray(current)) throw new ScenarioError(`${where}: ${path} is not an object or a list`);
  return current as Obj;
}

function findArm(lab: LabFile, t: ArmTarget, where: string): Obj {
  const found = lab.arm.find((r) => r.type.toLowerCase() === t.type.toLowerCase() && r.name === t.name);
  if (!found) throw new ScenarioError(`${where}: no ${t.type} named ${t.name} in the base lab`);
  return found as unknown as Obj;
}

function findKube(lab: LabFile, t: KubeTarget, where: string): Obj {
  const found = lab.kube.find((o) => o.kind === t.kind && o.metadata.name === t.name && (t.namespace === undefined || o.metadata.namespace === t.namespace));
  if (!found) throw new ScenarioError(`${where}: no ${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name} in the base lab`);
  return found as unknown as Obj;
}

/** When an object went: the last `Killing` event about it (the kubelet stopping a deleted pod's
 * containers), else the lab's clock. */
function deletedAt(lab: LabFile, object: KubeObject): string {
  const times = lab.kube
    .filter((e) => e.kind === 'Event' && (e as Obj).reason === 'Killing' && ((e as Obj).involvedObject as Obj | undefined)?.uid === object.metadata.uid)
    .map((e) => String((e as Obj).lastTimestamp ?? (e as Obj).eventTime ?? (e.metadata as Obj).creationTimestamp))
    .filter((t) => !Number.isNaN(Date.parse(t)))
    .sort();
  return times.pop() ?? lab.info.clock;
}

export function applyScenario(base: LabFile, scenario: ScenarioFile): LabFile {
  const lab = structuredClone(base);
  const subscription = String(base.info.account.id);
  const removed: { object: KubeObject; at?: string }[] = [];
  scenario.changes.forEach((change, i) => {
    const where = `scenario ${scenario.name}, change ${i + 1}`;
    if (change.op === 'add') {
      if (change.arm) lab.arm.push(JSON.parse(JSON.stringify(change.arm).replaceAll('{subscription}', subscription)) as ArmResource);
      if (change.kube) lab.kube.push(structuredClone(change.kube));
      return;
    }
    if (change.op === 'remove') {
      const target = findKube(lab, change.kube, where);
      lab.kube = lab.kube.filter((o) => (o as unknown as Obj) !== target);
      removed.push({ object: target as unknown as KubeObject, at: change.at });
      return;
    }
    if (change.op === 'unset') {
      const target = change.arm ? findArm(lab, change.arm, where) : change.kube ? findKube(lab, change.kube, where) : undefined;
      if (!target) throw new ScenarioError(`${where}: the change names nothing to change`);
      const cut = change.path.lastIndexOf('.');
      const parent = resolvePath(target, cut < 0 ? '' : change.path.slice(0, cut), where);
      const key = change.path.slice(cut + 1);
      if (!(key in parent)) throw new ScenarioError(`${where}: nothing at "${key}" in ${change.path}`);
      delete (parent as Obj)[key];
      return;
    }
    const targets: Obj[] = change.info
      ? [lab.info as unknown as Obj]
      : change.arm
      ? [findArm(lab, change.arm, where)]
      : change.kube
        ? [findKube(lab, change.kube, where)]
        : change.op === 'merge' && change.kubeAll
          ? lab.kube.filter((o) => {
              const all = change.kubeAll!;
              return o.kind === all.kind && (all.namespace === undefined || o.metadata.namespace === all.namespace) && Object.entries(all.labels ?? {}).every(([k, v]) => o.metadata.labels?.[k] === v);
            }) as unknown as Obj[]
          : [];
    if (targets.length === 0) throw new ScenarioError(`${where}: the change names nothing to change`);
    for (const target of targets) {
      const at = resolvePath(target, change.path, where);
      const value = JSON.parse(JSON.stringify(change.value).replaceAll('{subscription}', subscription)) as Json;
      if (change.op === 'append') {
        if (!Array.isArray(at)) throw new ScenarioError(`${where}: ${change.path} is not a list`);
        (at as unknown as Json[]).push(value);
      } else {
        if (!isObj(value)) throw new ScenarioError(`${where}: a merge needs an object`);
        merge(at, value);
      }
    }
  });
  if (removed.length) lab.past = [...(lab.past ?? []), ...removed.map(({ object, at }) => ({ object, deletedAt: at ?? deletedAt(lab, object) }))];
  lab.info = { ...lab.info, name: scenario.name, title: scenario.title, summary: scenario.summary, story: scenario.story };
  return lab;
}

// A container's log as the kubelet keeps it: timed lines, and the choice of which container's log
// a request reads (kubelet's validateContainerLogStatus: the previous terminated container for
// `previous`, else the running one, else the last terminated one; a container that never ran has no
// log). The lines themselves come from the programs' own models (router-logs.ts, app-logs.ts).
import type { KubeObject } from '../world/types.ts';
import { arr, field, isJsonObject, obj, type JsonObject } from '../world/json.ts';

export interface LogLine {
  /** When the container wrote the line (what --timestamps prints and --since filters on). */
  at: Date;
  text: string;
}

/** One run of a container: its start and, when it ended, its end. */
export interface ContainerRun {
  startedAt: Date;
  finishedAt?: Date;
  /** The run the kubelet keeps as lastState.terminated (the one before the current). */
  previous: boolean;
}

export type RunChoice = { ok: true; run: ContainerRun } | { ok: false; message: string };

/** The run a log request reads, or the kubelet's refusal in its own words. */
export function chooseRun(pod: KubeObject, container: string, previous: boolean): RunChoice {
  const statuses = [...arr(field(pod.status, 'initContainerStatuses')), ...arr(field(pod.status, 'containerStatuses'))].filter(isJsonObject);
  const status = statuses.find((s) => s.name === container);
  const name = pod.metadata.name;
  const lastState = field(status, 'lastState', 'terminated');
  const last: JsonObject | undefined = isJsonObject(lastState) ? lastState : undefined;
  const state = obj(status?.state);
  const running = isJsonObject(state.running) ? state.running : undefined;
  const terminated = isJsonObject(state.terminated) ? state.terminated : undefined;
  const date = (v: unknown) => new Date(String(v));
  if (previous) {
    if (!last?.containerID) return { ok: false, message: `previous terminated container "${container}" in pod "${name}" not found` };
    return { ok: true, run: { startedAt: date(last.startedAt), finishedAt: date(last.finishedAt), previous: true } };
  }
  if (running) return { ok: true, run: { startedAt: date(running.startedAt), previous: false } };
  if (terminated) {
    if (terminated.containerID) return { ok: true, run: { startedAt: date(terminated.startedAt), finishedAt: date(terminated.finishedAt), previous: false } };
    if (last?.containerID) return { ok: true, run: { startedAt: date(last.startedAt), finishedAt: date(last.finishedAt), previous: true } };
    return { ok: false, message: `container "${container}" in pod "${name}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { ok: false, message: `container "${container}" in pod "${name}" is terminated` };
    return { ok: true, run: { startedAt: date(last.startedAt), finishedAt: date(last.finishedAt), previous: true } };
  }
  const reason = String(field(state, 'waiting', 'reason') ?? 'ContainerCreating');
  if (reason === 'ErrImagePull') return { ok: false, message: `container "${container}" in pod "${name}" is waiting to start: image can't be pulled` };
  if (reason === 'ImagePullBackOff') return { ok: false, message: `container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image` };
  return { ok: false, message: `container "${container}" in pod "${name}" is waiting to start: ${reason}` };
}

/** The microseconds past the millisecond at which a program wrote a line stamped `at` (the lab keeps
 * milliseconds; klog prints microseconds). */
export function microsWithinMillisecond(at: Date): number {
  return (at.getTime() * 7) % 1000;
}

/** klog's header: `I0529 15:58:01.123456       1 file.go:123] `, the severity, the date, the
 * time to the microsecond, the thread (the process is pid 1 in its container) and the caller. */
export function klogHeader(severity: 'I' | 'W' | 'E', at: Date, caller: string): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const micros = pad(at.getUTCMilliseconds(), 3) + pad(microsWithinMillisecond(at), 3);
  return `${severity}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${micros}       1 ${caller}] `;
}

/** What a log request reads: the container's lines, then --since, --tail and --timestamps. */
export interface LogOptions {
  now: Date;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps: boolean;
}

/** The lines as the kubelet hands them out: `2020-05-29T15:58:01.123456789Z text` with timestamps. */
export function renderLog(lines: LogLine[], o: LogOptions): string {
  // The runtime's log file holds one entry per line the container wrote: a message that spans lines
  // (HAProxy's output quoted in the router's error) is several, each with its own time, and --tail
  // counts them.
  let kept = lines.flatMap((l) => l.text.split('\n').map((text) => ({ at: l.at, text })));
  if (o.sinceSeconds !== undefined) kept = kept.filter((l) => l.at.getTime() >= o.now.getTime() - o.sinceSeconds! * 1000);
  if (o.tailLines !== undefined && o.tailLines >= 0) kept = o.tailLines === 0 ? [] : kept.slice(-o.tailLines);
  return kept.map((l) => `${o.timestamps ? `${rfc3339Nano(l.at)} ` : ''}${l.text}\n`).join('');
}

/** The container runtime's time for a line: it reads the line from the container's stdout after the
 * program wrote it (the program's own time, to the microsecond, is the earliest it can be), a few
 * tens of microseconds later, to the nanosecond; trailing zeros dropped (RFC3339Nano). */
function rfc3339Nano(at: Date): string {
  const delayNanos = 20_000 + ((at.getTime() * 7919) % 40_000);
  const nanosPastMs = microsWithinMillisecond(at) * 1000 + delayNanos;
  const when = new Date(at.getTime() + Math.floor(nanosPastMs / 1_000_000));
  const ms = String(when.getUTCMilliseconds()).padStart(3, '0');
  const nanos = `${ms}${String(nanosPastMs % 1_000_000).padStart(6, '0')}`.replace(/0+$/, '');
  return `${when.toISOString().slice(0, 19)}${nanos ? `.${nanos}` : ''}Z`;
}

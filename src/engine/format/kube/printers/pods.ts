// Pods: NAME READY STATUS RESTARTS AGE, wide: IP NODE NOMINATED NODE READINESS GATES
// (Kubernetes printPod). STATUS is the pod phase refined by the containers' states: the last
// container (walking backwards) that is waiting or terminated gives its reason, so a deployer
// pod whose container terminated with reason Completed shows "Completed", a crashing one
// "CrashLoopBackOff", a running ready one stays "Running".
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, num, obj, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

type Json = ReturnType<typeof field>;

function isRestartableInit(container: Json | undefined): boolean {
  return str(field(container, 'restartPolicy')) === 'Always';
}

function conditionTrue(pod: KubeObject, type: string): boolean {
  return arr(field(pod, 'status', 'conditions')).some(
    (c) => str(field(c, 'type')) === type && str(field(c, 'status')) === 'True',
  );
}

/** hasPodReadyCondition: the first Ready condition decides. */
function hasPodReadyCondition(pod: KubeObject): boolean {
  const ready = arr(field(pod, 'status', 'conditions')).find((c) => str(field(c, 'type')) === 'Ready');
  return ready !== undefined && str(field(ready, 'status')) === 'True';
}

function later(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function terminatedReason(terminated: Json | undefined, prefix: string): string {
  const reason = str(field(terminated, 'reason'));
  if (reason !== '') return prefix + reason;
  const signal = num(field(terminated, 'signal'));
  if (signal !== 0) return `${prefix}Signal:${signal}`;
  return `${prefix}ExitCode:${num(field(terminated, 'exitCode'))}`;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod, as printPod computes them. */
export function summarizePod(pod: KubeObject, now: Date): PodSummary {
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const containers = arr(spec.containers);
  const initContainers = arr(spec.initContainers);
  let totalContainers = containers.length;
  let readyContainers = 0;
  let restarts = 0;
  let restartableInitRestarts = 0;
  let lastRestartDate = '';
  let lastRestartableInitRestartDate = '';

  const phase = str(status.phase);
  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  for (const c of arr(status.conditions)) {
    if (str(field(c, 'type')) === 'PodScheduled' && str(field(c, 'reason')) === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Json>();
  for (const c of initContainers) {
    initByName.set(str(field(c, 'name')), c);
    if (isRestartableInit(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += num(field(c, 'restartCount'));
    const lastTerminated = field(c, 'lastState', 'terminated');
    if (lastTerminated) lastRestartDate = later(lastRestartDate, str(field(lastTerminated, 'finishedAt')));
    const restartable = isRestartableInit(initByName.get(str(field(c, 'name'))));
    if (restartable) {
      restartableInitRestarts += num(field(c, 'restartCount'));
      if (lastTerminated) {
        lastRestartableInitRestartDate = later(lastRestartableInitRestartDate, str(field(lastTerminated, 'finishedAt')));
      }
    }
    const terminated = field(c, 'state', 'terminated');
    const waiting = field(c, 'state', 'waiting');
    if (terminated && num(field(terminated, 'exitCode')) === 0) continue;
    if (restartable && field(c, 'started') === true) {
      if (field(c, 'ready') === true) readyContainers++;
      continue;
    }
    if (terminated) reason = terminatedReason(terminated, 'Init:');
    else if (waiting && str(field(waiting, 'reason')) !== '' && str(field(waiting, 'reason')) !== 'PodInitializing') {
      reason = 'Init:' + str(field(waiting, 'reason'));
    } else reason = `Init:${i}/${initContainers.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestartDate = lastRestartableInitRestartDate;
    let hasRunning = false;
    let errorReason = '';
    const statuses = arr(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += num(field(c, 'restartCount'));
      const lastTerminated = field(c, 'lastState', 'terminated');
      if (lastTerminated) lastRestartDate = later(lastRestartDate, str(field(lastTerminated, 'finishedAt')));
      const waiting = field(c, 'state', 'waiting');
      const terminated = field(c, 'state', 'terminated');
      if (waiting && str(field(waiting, 'reason')) !== '') {
        reason = str(field(waiting, 'reason'));
      } else if (terminated) {
        reason = terminatedReason(terminated, '');
        if (num(field(terminated, 'exitCode')) !== 0) errorReason = reason;
      } else if (field(c, 'ready') === true && field(c, 'state', 'running')) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a container still running is not "Completed".
    if (reason === 'Completed') {
      if (hasRunning && hasPodReadyCondition(pod)) reason = 'Running';
      else if (errorReason !== '') reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }

  const deleting = typeof pod.metadata.deletionTimestamp === 'string';
  if (deleting && str(status.reason) === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartDate !== '') restartsText = `${restarts} (${timestampSince(lastRestartDate, now)} ago)`;

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

export const podPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Ready', priority: 0 },
    { name: 'Status', priority: 0 },
    { name: 'Restarts', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  cells(pod: KubeObject, options: PrintOptions): string[] {
    const s = summarizePod(pod, options.now);
    const cells = [pod.metadata.name, s.ready, s.status, s.restarts, timestampSince(pod.metadata.creationTimestamp, options.now)];
    if (!options.wide) return cells;
    // The API server fills podIPs from podIP for clients that only set the latter.
    const podIPs = arr(field(pod, 'status', 'podIPs'));
    const podIP = podIPs.length > 0 ? str(field(podIPs[0], 'ip')) : str(field(pod, 'status', 'podIP'));
    const gates = arr(field(pod, 'spec', 'readinessGates'));
    let readinessGates = '<none>';
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const type = str(field(g, 'conditionType'));
        const c = arr(field(pod, 'status', 'conditions')).find((x) => str(field(x, 'type')) === type);
        if (c && str(field(c, 'status')) === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      ...cells,
      podIP || '<none>',
      str(field(pod, 'spec', 'nodeName')) || '<none>',
      str(field(pod, 'status', 'nominatedNodeName')) || '<none>',
      readinessGates,
    ];
  },
};

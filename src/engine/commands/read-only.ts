// Live mode only reads. The engine has no code that writes, but a reader who types a write
// command against their own cluster deserves to hear why nothing happened, in the tool's voice.

const AZ_WRITE_VERBS = new Set([
  'add', 'create', 'delete', 'update', 'set', 'remove', 'start', 'stop', 'restart', 'deallocate', 'redeploy',
  'reimage', 'resize', 'rotate', 'purge', 'import', 'move', 'invoke', 'run-command', 'list-credentials',
  'list-admin-credentials', 'upgrade', 'scale', 'lock', 'unlock', 'tag', 'assign', 'login', 'logout',
]);

const KUBE_WRITE_VERBS = new Set([
  'annotate', 'apply', 'attach', 'autoscale', 'cordon', 'cp', 'create', 'debug', 'delete', 'drain', 'edit',
  'exec', 'expose', 'label', 'new-app', 'new-project', 'patch', 'port-forward', 'process', 'proxy',
  'replace', 'rollback', 'rollout', 'rsh', 'rsync', 'run', 'scale', 'set', 'start-build', 'taint', 'uncordon',
  'adm', 'login', 'logout', 'delete-project', 'import-image', 'tag',
]);

/** az's refusal for a command that would change Azure, or undefined when `word` is no such verb. */
export function azWriteRefusal(path: string[], word: string): string | undefined {
  if (!AZ_WRITE_VERBS.has(word)) return undefined;
  return `ERROR: 'az ${[...path, word].join(' ')}' would change Azure, and live mode only reads: ARO Packet Labs runs no command that changes your subscription.\n`;
}

/** kubectl's/oc's refusal for a verb that would change the cluster (or open a session into it). */
export function kubeWriteRefusal(tool: string, verb: string): string | undefined {
  if (!KUBE_WRITE_VERBS.has(verb)) return undefined;
  return `error: "${tool} ${verb}" would change your cluster or open a session into it, and live mode only reads: ARO Packet Labs runs no such command\n`;
}

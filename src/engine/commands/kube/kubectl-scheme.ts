// Which objects kubectl's own scheme can decode (k8s.io/kubectl pkg/scheme: the Kubernetes API
// groups): the verbs that build typed objects (rollout restart, set env, expose) fail on another
// kind (an OpenShift DeploymentConfig, a Route) with the scheme's words, where oc, whose scheme has
// OpenShift's groups too, goes on.
import type { ApiResource } from '../../world/kube-resources.ts';
import { KubeError } from './api.ts';
import type { ToolName } from './cli.ts';

const KUBE_GROUP = /^$|^(apps|batch|policy|autoscaling)$|(^|\.)k8s\.io$/;

/** The scheme's refusal of an object of `res` for `tool`, or undefined when it decodes it. */
export function schemeRefusal(tool: ToolName, res: ApiResource): KubeError | undefined {
  if (KUBE_GROUP.test(res.group) || (tool === 'oc' && res.group.endsWith('.openshift.io'))) return undefined;
  return new KubeError(`error: no kind "${res.kind}" is registered for version "${res.group}/${res.version}" in scheme "pkg/scheme/scheme.go:28"`);
}

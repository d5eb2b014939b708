// `kubectl describe` / `oc describe` (kubectl pkg/cmd/describe): the resource builder resolves the
// arguments (TYPE, TYPE NAME…, TYPE/NAME…, -l, -A) and reads each object, then each object's
// describer reads it again with what it shows beside it (events, endpoint slices, the node's
// pods) and prints it. A name that is not found, given as `TYPE NAME`, describes every object of
// the type whose name starts with it. Errors are kubectl's, printed after what could be described.
import type { World } from '../../../world/types.ts';
import type { ApiResource } from '../../../world/kube-resources.ts';
import { KubeError, discoveredResources, getObject, listObjects } from '../api.ts';
import type { Cli } from '../cli.ts';
import { plainError, runVerb } from '../cli.ts';
import type { FlagDef, ParsedFlags } from '../flags.ts';
import { flagBool, flagList, flagString } from '../flags.ts';
import { parseResourceArgs } from '../get.ts';
import { describeHelp } from '../help.ts';
import { matchesLabels, parseLabelSelector } from '../selectors.ts';
import { describeGeneric } from './generic.ts';
import { describeNetworkPolicyByName } from './networkpolicy.ts';
import { describeNodeByName } from './node.ts';
import { describePodByName } from './pod.ts';
import { describeRouteOc } from './route-oc.ts';
import { describeDeploymentConfigOc } from './deploymentconfig-oc.ts';
import { describeEndpointsByName, describeServiceByName } from './service.ts';
import { describeReplicationControllerByName } from './replicationcontroller.ts';
import { describeSecretByName } from './secret.ts';
import { describeNamespaceByName } from './namespace.ts';
import { describeEndpointSliceByName } from './endpointslice.ts';
import { describeDeploymentByName, describeReplicaSetByName } from './deployment.ts';
import type { DescribeSettings } from './shared.ts';
import { describeDaemonSetByName } from './daemonset.ts';
import { describeServiceAccountByName } from './serviceaccount.ts';

export const describeFlags: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-events', type: 'bool' },
];

type Describer = (world: World, namespace: string, name: string, settings: DescribeSettings) => Promise<string>;

const kubectlDescribers: Record<string, Describer> = {
  '/Pod': describePodByName,
  '/Service': describeServiceByName,
  '/Node': describeNodeByName,
  '/Endpoints': describeEndpointsByName,
  '/ReplicationController': describeReplicationControllerByName,
  '/Secret': describeSecretByName,
  '/Namespace': describeNamespaceByName,
  'discovery.k8s.io/EndpointSlice': describeEndpointSliceByName,
  'apps/Deployment': describeDeploymentByName,
  'apps/ReplicaSet': describeReplicaSetByName,
  'apps/DaemonSet': describeDaemonSetByName,
  '/ServiceAccount': describeServiceAccountByName,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicyByName,
};

/** Kinds kubectl (and oc) have a describer of that this lab does not imitate. */
const kubectlOnly = new Set([
  '/LimitRange', '/ResourceQuota', '/PersistentVolume', '/PersistentVolumeClaim',
  '/ConfigMap', '/PriorityClass', 'autoscaling/HorizontalPodAutoscaler', 'extensions/Ingress',
  'networking.k8s.io/Ingress', 'networking.k8s.io/IngressClass', 'networking.k8s.io/ServiceCIDR', 'networking.k8s.io/IPAddress', 'batch/Job', 'batch/CronJob',
  'apps/StatefulSet', 'certificates.k8s.io/CertificateSigningRequest', 'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttributesClass', 'policy/PodDisruptionBudget', 'rbac.authorization.k8s.io/Role',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding', 'scheduling.k8s.io/PriorityClass',
]);
const ocOnly = new Set([
  'apps.openshift.io/DeploymentConfig', 'build.openshift.io/Build', 'build.openshift.io/BuildConfig', 'image.openshift.io/Image', 'image.openshift.io/ImageStream',
  'image.openshift.io/ImageStreamTag', 'image.openshift.io/ImageTag', 'image.openshift.io/ImageStreamImage', 'project.openshift.io/Project',
  'template.openshift.io/Template', 'template.openshift.io/TemplateInstance', 'authorization.openshift.io/RoleBinding', 'authorization.openshift.io/Role',
  'authorization.openshift.io/ClusterRoleBinding', 'authorization.openshift.io/ClusterRole', 'authorization.openshift.io/RoleBindingRestriction',
  'oauth.openshift.io/OAuthAccessToken', 'user.openshift.io/Identity', 'user.openshift.io/User', 'user.openshift.io/Group', 'user.openshift.io/UserIdentityMapping',
  'quota.openshift.io/ClusterResourceQuota', 'quota.openshift.io/AppliedClusterResourceQuota', 'network.openshift.io/ClusterNetwork', 'network.openshift.io/HostSubnet',
  'network.openshift.io/NetNamespace', 'network.openshift.io/EgressNetworkPolicy', 'security.openshift.io/SecurityContextConstraints', 'config.openshift.io/InsightsDataGather',
]);

/** describe.DescriberFn: the kind's own describer, else the generic one; oc looks in its own map first. */
function describerFor(cli: Cli, res: ApiResource): Describer {
  const key = `${res.group}/${res.kind}`;
  if (cli.tool === 'oc' && key === 'route.openshift.io/Route') return describeRouteOc;
  if (cli.tool === 'oc' && key === 'apps.openshift.io/DeploymentConfig') return describeDeploymentConfigOc;
  if (cli.tool === 'oc' && ocOnly.has(key)) throw plainError(`"oc describe ${res.plural}" is not available in this lab terminal`);
  const own = kubectlDescribers[key];
  if (own) return own;
  if (kubectlOnly.has(key)) throw plainError(`"${cli.tool} describe ${res.plural}" is not available in this lab terminal`);
  return (world, namespace, name, settings) => describeGeneric(world, res, namespace, name, settings);
}

export function runDescribe(cli: Cli, argv: string[]): Promise<number> {
  return runVerb(cli, 'describe', argv, describeFlags, async (flags) => {
    if (!flagBool(flags, 'help')) return describe(cli, flags);
    cli.out(describeHelp(cli.tool));
    return 0;
  });
}

interface Info {
  res: ApiResource;
  namespace: string;
  name: string;
}

async function describe(cli: Cli, flags: ParsedFlags): Promise<number> {
  const { tool, ctx } = cli;
  const allNamespaces = flagBool(flags, 'all-namespaces');
  const namespace = flagString(flags, 'namespace') || ctx.session.namespace;
  const selector = flagString(flags, 'selector');
  const chunk = flags.values.get('chunk-size');
  const settings: DescribeSettings = {
    showEvents: flags.values.get('show-events') !== false,
    chunkSize: typeof chunk === 'number' ? chunk : 500,
    now: ctx.session.now(),
  };
  if (flags.args.length === 0 && flagList(flags, 'filename').length === 0 && flagString(flags, 'kustomize') === '') {
    throw plainError(`You must specify the type of resource to describe. Use "${tool} api-resources" for a complete list of supported resources.\n`);
  }
  if (flagList(flags, 'filename').length > 0 || flagString(flags, 'kustomize') !== '') throw plainError('reading files is not available in this lab terminal');

  const served = await discoveredResources(ctx.world);
  const parsed = parseResourceArgs(tool, flags.args, selector !== '', allNamespaces, served);
  const labelReqs = parseLabelSelector(selector);

  const infos: Info[] = [];
  const errors: KubeError[] = [];
  for (const req of parsed.requests) {
    try {
      if (req.name !== undefined) {
        const obj = await getObject(ctx.world, req.res, namespace, req.name);
        infos.push({ res: req.res, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name });
      } else {
        const ns = allNamespaces || !req.res.namespaced ? undefined : namespace;
        const list = await listObjects(ctx.world, req.res, ns, { labelSelector: selector });
        // The server applies the selector; the lab applies it again, as get does.
        for (const o of list.items) if (!labelReqs || matchesLabels(labelReqs, o.metadata.labels)) infos.push({ res: req.res, namespace: o.metadata.namespace ?? '', name: o.metadata.name });
      }
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      if (req.name === undefined) throw e;
      errors.push(e);
    }
  }

  if (errors.length > 0 && errors.every((e) => e.notFound) && flags.args.length === 2) {
    return describeMatching(cli, errors[0], flags.args[0], flags.args[1], namespace, settings, served);
  }

  let out = '';
  let first = true;
  const seen = new Set<string>();
  for (const info of infos) {
    try {
      const text = await describerFor(cli, info.res)(ctx.world, info.namespace, info.name, settings);
      out += first ? text : `\n\n${text}`;
      first = false;
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      if (seen.has(e.text)) continue;
      seen.add(e.text);
      errors.push(e);
    }
  }
  cli.out(out);
  if (infos.length === 0 && errors.length === 0) {
    cli.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  if (errors.length === 0) return 0;
  cli.err(errors.map((e) => e.text).join('\n') + '\n');
  return 1;
}

/** DescribeMatchingResources: every object of the type in the namespace whose name starts with the prefix. */
async function describeMatching(cli: Cli, original: KubeError, type: string, prefix: string, namespace: string, settings: DescribeSettings, served: readonly ApiResource[]): Promise<number> {
  const parsed = parseResourceArgs(cli.tool, [type], false, false, served);
  if (type.includes('/')) throw original;
  if (parsed.requests.length !== 1) throw plainError('you may only specify a single resource type');
  const res = parsed.requests[0].res;
  const describer = describerFor(cli, res);
  const list = await listObjects(cli.ctx.world, res, res.namespaced ? namespace : undefined);
  let found = false;
  for (const o of list.items) {
    if (!o.metadata.name.startsWith(prefix)) continue;
    found = true;
    cli.out(`${await describer(cli.ctx.world, o.metadata.namespace ?? '', o.metadata.name, settings)}\n`);
  }
  if (!found) throw original;
  return 0;
}

// Server-side table printers by API group and kind.
import { clusterOperatorPrinterFor } from './clusteroperators.ts';
import { defaultPrinter } from './default.ts';
import { endpointsPrinter } from './endpoints.ts';
import { endpointSlicePrinter } from './endpointslices.ts';
import { leasePrinter } from './leases.ts';
import { eventPrinter } from './events.ts';
import { namespacePrinter } from './namespaces.ts';
import { networkPolicyPrinter } from './networkpolicies.ts';
import { nodePrinter } from './nodes.ts';
import { podPrinter } from './pods.ts';
import { projectPrinter } from './projects.ts';
import { routePrinter } from './routes.ts';
import { secretPrinter } from './secrets.ts';
import { servicePrinter } from './services.ts';
import type { TablePrinter } from './types.ts';
import type { KubeObject } from '../../../world/types.ts';
import { daemonSetPrinter, deploymentConfigPrinter, deploymentPrinter, replicaSetPrinter, replicationControllerPrinter } from './workloads.ts';
import { serviceAccountPrinter } from './serviceaccounts.ts';
import { clusterVersionPrinter } from './clusterversions.ts';

export type { ColumnDefinition, PrintOptions, TablePrinter } from './types.ts';

const printers: Record<string, TablePrinter> = {
  '/Pod': podPrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  'discovery.k8s.io/EndpointSlice': endpointSlicePrinter,
  '/Node': nodePrinter,
  '/ReplicationController': replicationControllerPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  'config.openshift.io/ClusterVersion': clusterVersionPrinter,
  'apps.openshift.io/DeploymentConfig': deploymentConfigPrinter,
  '/Namespace': namespacePrinter,
  'project.openshift.io/Project': projectPrinter,
  'route.openshift.io/Route': routePrinter,
  'networking.k8s.io/NetworkPolicy': networkPolicyPrinter,
  '/Event': eventPrinter,
  '/Secret': secretPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
};

/** The printer the API server uses for objects of this group ("" for core) and kind. A custom
 * resource's columns are its CRD's, which can change with the cluster's release: `sample`, one of
 * the objects printed, says which release (ClusterOperators report it). */
export function printerFor(group: string, kind: string, sample?: KubeObject): TablePrinter {
  if (group === 'config.openshift.io' && kind === 'ClusterOperator') return clusterOperatorPrinterFor(sample);
  return printers[`${group}/${kind}`] ?? defaultPrinter;
}

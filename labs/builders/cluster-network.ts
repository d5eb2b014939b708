// The cluster's network configuration (OpenShift SDN: VXLAN, 50 bytes of overhead; OVN-Kubernetes:
// Geneve, 100 bytes, under Azure's 1500-byte MTU), OpenShift SDN's own records, and the ARO
// operator's view of the cluster with egress lockdown's gateway domains.
import type { KubeObject } from '../../src/engine/world/types.ts';
import type { KubeContext } from './kube-context.ts';
import { required, type GatewaySpec } from './spec.ts';

const CLUSTER_NETWORK = [{ cidr: '10.128.0.0/14', hostPrefix: 23 }];

export function networkConfig(ctx: KubeContext): KubeObject {
  const { spec, meta } = ctx;
  const ovn = spec.network === 'OVNKubernetes';
  return {
    apiVersion: 'config.openshift.io/v1',
    kind: 'Network',
    metadata: { ...meta('cluster', spec.clusterAgeMinutes + 10), generation: 2 },
    spec: { clusterNetwork: CLUSTER_NETWORK, externalIP: { policy: {} }, ...(spec.info.layout === 'today' ? { networkDiagnostics: { mode: '', sourcePlacement: {}, targetPlacement: {} } } : {}), networkType: spec.network, serviceNetwork: ['172.30.0.0/16'] },
    status: { clusterNetwork: CLUSTER_NETWORK, clusterNetworkMTU: ovn ? 1400 : 1450, networkType: spec.network, serviceNetwork: ['172.30.0.0/16'] },
  };
}

/** OpenShift SDN's records: the cluster network with its VXLAN port and the MTU left for pods, and
 * one HostSubnet per node (its pod network), annotated with its Node's uid. */
export function openShiftSdnObjects(ctx: KubeContext, objects: KubeObject[]): KubeObject[] {
  const { spec, meta } = ctx;
  const [network] = CLUSTER_NETWORK;
  const out: KubeObject[] = [
    {
      apiVersion: 'network.openshift.io/v1',
      kind: 'ClusterNetwork',
      metadata: meta('default', spec.clusterAgeMinutes + 5),
      clusterNetworks: [{ CIDR: network.cidr, hostSubnetLength: 32 - network.hostPrefix }],
      hostsubnetlength: 32 - network.hostPrefix,
      mtu: 1450,
      network: network.cidr,
      pluginName: 'redhat/openshift-ovs-networkpolicy',
      serviceNetwork: '172.30.0.0/16',
      vxlanPort: 4789,
    },
  ];
  for (const { n } of ctx.nodes) {
    const node = objects.find((o) => o.kind === 'Node' && o.metadata.name === n.name);
    out.push({
      apiVersion: 'network.openshift.io/v1',
      kind: 'HostSubnet',
      metadata: meta(n.name, spec.clusterAgeMinutes - 1, { annotations: { 'pod.network.openshift.io/node-uid': required(node?.metadata.uid, spec, `a Node ${n.name}`) } }),
      host: n.name,
      hostIP: n.ip,
      subnet: n.podCidr,
    });
  }
  return out;
}

/** The ARO operator's `clusters.aro.openshift.io/cluster`, whose gateway domains the nodes' dnsmasq
 * answers with the private endpoint's address (egress lockdown, 2022 on). */
export function aroClusterObject(ctx: KubeContext, gw: GatewaySpec): KubeObject {
  const { spec, meta } = ctx;
  const sub = spec.subscription;
  const rpSubnet = (vnet: string, subnet: string, group = gw.rpGroup) => `/subscriptions/${gw.rpSubscription}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;
  return {
    apiVersion: 'aro.openshift.io/v1alpha1',
    kind: 'Cluster',
    metadata: { ...meta('cluster', spec.clusterAgeMinutes - 40), generation: 3 },
    spec: {
      acrDomain: 'arosvc.azurecr.io',
      apiIntIP: spec.ips.internalApi,
      architectureVersion: 1,
      azEnvironment: 'AzurePublicCloud',
      banner: {},
      clusterResourceGroupId: `/subscriptions/${sub}/resourcegroups/${spec.cluster.nodeGroup}`,
      domain: `${spec.cluster.domain}.${spec.location}.aroapp.io`,
      gatewayDomains: [...gw.domains, `imageregistry${gw.storageSuffix}.blob.core.windows.net`],
      gatewayPrivateEndpointIP: gw.privateEndpointIp,
      infraId: spec.cluster.infraId,
      ingressIP: spec.ips.router,
      internetChecker: { urls: ['https://arosvc.azurecr.io/', 'https://login.microsoftonline.com/', 'https://management.azure.com/', 'https://gcs.prod.monitoring.core.windows.net/'] },
      location: spec.location,
      resourceId: `/subscriptions/${sub}/resourceGroups/${spec.cluster.group}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${spec.cluster.name}`,
      serviceSubnets: [rpSubnet('rp-pe-vnet-001', 'rp-pe-subnet'), rpSubnet('rp-vnet', 'rp-subnet'), rpSubnet('gateway-vnet', 'gateway-subnet', gw.gatewayGroup)],
      storageSuffix: gw.storageSuffix,
      vnetId: `/subscriptions/${sub}/resourceGroups/${spec.cluster.group}/providers/Microsoft.Network/virtualNetworks/${spec.vnet.name}`,
    },
  };
}

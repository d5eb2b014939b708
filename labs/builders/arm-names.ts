// The ids and names of a cluster's ARM resources, derived once from the spec and shared by the
// builders that make them and the ones that refer to them.
import { guid } from './ids.ts';
import type { LabSpec, NodeSpec } from './spec.ts';

export type SubnetRole = 'master' | 'worker';

/** A VM of the cluster with its NIC. */
export interface Machine {
  node: NodeSpec;
  nic: string;
  role: SubnetRole;
  size: string;
}

export interface ArmNames {
  rgId(rg: string): string;
  /** A Microsoft.Network resource's id, in the node resource group unless `rg` says otherwise. */
  nid(type: string, name: string, rg?: string): string;
  infra: string;
  isPublic: boolean;
  clusterId: string;
  vnetId: string;
  subnetId(which: SubnetRole): string;
  /** The cloud provider's name of the router service's frontend: "a" + its UID without dashes, cut to 32. */
  frontendName: string;
  /** The router's public IP: made by the cloud provider in 2020 (`<infraID>-a<uid>`); since 2021 ARO
   * makes `<infraID>-default-v4` before the install and the router service asks for its address. */
  routerPip: string;
  nodeNsg: string;
  masterNsg: string;
  masterNics: string[];
  workerNics: string[];
  machines: Machine[];
  lbId(lb: string): string;
  childId(lb: string, kind: string, name: string): string;
  ipconfigId(nic: string): string;
  /** Egress lockdown's private endpoint and its NIC. */
  peId: string;
  peNicId: string;
  peIpconfig: string;
  /** Whether the lab has the private link service on the internal API frontend: today's layout
   * (the 2020 cluster had one too, but live mode reads no such type, so its lab leaves it out). */
  apiPrivateLink: boolean;
  /** That private link service and its NIC. */
  plsName: string;
  plsId: string;
  plsNicId: string;
  plsConfig: string;
  /** The customer's route table on the cluster's subnets (private cluster behind a hub). */
  udrId?: string;
  hubVnetId?: string;
}

export function armNames(spec: LabSpec): ArmNames {
  const c = spec.cluster;
  const rgId = (rg: string) => `/subscriptions/${spec.subscription}/resourceGroups/${rg}`;
  const nid = (type: string, name: string, rg = c.nodeGroup) => `${rgId(rg)}/providers/Microsoft.Network/${type}/${name}`;
  const infra = c.infraId;
  const vnetId = nid('virtualNetworks', spec.vnet.name, c.group);
  const frontendName = `a${spec.router.uid.replace(/-/g, '')}`.slice(0, 32);
  const masterNics = spec.masters.map((_, i) => `${infra}-master${i}-nic`);
  const workerNics = spec.workers.map((w) => `${w.name}-nic`);
  const lbId = (lb: string) => nid('loadBalancers', lb);
  const peId = nid('privateEndpoints', `${infra}-pe`);
  const peNicId = nid('networkInterfaces', `${infra}-pe.nic.${guid(`pe-nic:${peId}`)}`);
  const plsName = `${infra}-pls`;
  const plsId = nid('privateLinkServices', plsName);
  const plsNicId = nid('networkInterfaces', `${plsName}.nic.${guid(`pls-nic:${plsId}`)}`);
  const hub = spec.hub;
  return {
    rgId,
    nid,
    infra,
    isPublic: spec.visibility === 'Public',
    clusterId: `${rgId(c.group)}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${c.name}`,
    vnetId,
    subnetId: (which) => `${vnetId}/subnets/${spec.vnet[which][0]}`,
    frontendName,
    routerPip: spec.info.layout === '2020' ? `${infra}-${frontendName}` : `${infra}-default-v4`,
    nodeNsg: spec.info.layout === '2020' ? `${infra}-node-nsg` : `${infra}-nsg`,
    masterNsg: spec.info.layout === '2020' ? `${infra}-controlplane-nsg` : `${infra}-nsg`,
    masterNics,
    workerNics,
    machines: [
      ...spec.masters.map((m, i) => ({ node: m, nic: masterNics[i], role: 'master' as const, size: spec.vm.masterSize })),
      ...spec.workers.map((w, i) => ({ node: w, nic: workerNics[i], role: 'worker' as const, size: spec.vm.workerSize })),
    ],
    lbId,
    childId: (lb, kind, name) => `${lbId(lb)}/${kind}/${name}`,
    ipconfigId: (nic) => `${nid('networkInterfaces', nic)}/ipConfigurations/pipConfig`,
    peId,
    peNicId,
    peIpconfig: `${peNicId}/ipConfigurations/privateEndpointIpConfig.${guid(`pe-ipconfig:${peId}`)}`,
    apiPrivateLink: spec.info.layout === 'today',
    plsName,
    plsId,
    plsNicId,
    plsConfig: `${plsNicId}/ipConfigurations/${infra}-pls-nic`,
    ...(hub ? { udrId: nid('routeTables', hub.routeTable, c.group), hubVnetId: nid('virtualNetworks', hub.vnet.name, hub.group) } : {}),
  };
}

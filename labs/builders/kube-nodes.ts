// The cluster's Node objects: labels of their VM size, region and zone, the network plugin's
// annotations, capacity and allocatable resources of their VM, the versions they run.
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid } from './ids.ts';
import type { KubeContext, NodeRole } from './kube-context.ts';
import type { LabSpec, NodeSpec } from './spec.ts';

/** Azure's sizes the labs use: vCPUs, memory (GiB), data disks the size can attach. */
const VM_SIZES: Record<string, { cpus: number; memoryGiB: number; dataDisks: number } | undefined> = {
  Standard_D4s_v3: { cpus: 4, memoryGiB: 16, dataDisks: 8 },
  Standard_D8s_v3: { cpus: 8, memoryGiB: 32, dataDisks: 16 },
  Standard_D4s_v5: { cpus: 4, memoryGiB: 16, dataDisks: 8 },
  Standard_D8s_v5: { cpus: 8, memoryGiB: 32, dataDisks: 16 },
};

/** A node's capacity and allocatable resources as the kubelet reports them on an Azure VM of `size`
 * with an OS disk of `diskGiB`: memory is the kernel's MemTotal (the VM's memory less what the
 * firmware and kernel keep, about 2.3 %), ephemeral storage the root filesystem of RHCOS's disk
 * layout (the disk less its boot and EFI partitions and the filesystem's own, 523 MiB), 250 pods (OpenShift's maxPods), no huge
 * pages. Allocatable is capacity less OpenShift's kubelet reservation (systemReserved cpu 500m,
 * memory 1Gi, ephemeral-storage 1Gi) and the hard eviction thresholds (memory.available 100Mi,
 * nodefs.available 10 %). Kubernetes before 1.23's in-tree Azure Disk plugin also counts the disks
 * the VM size can attach (`attachable-volumes-azure-disk`); later ones leave that to the CSI driver. */
function nodeResources(spec: LabSpec, size: string, diskGiB: number, kubeMinor: number): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const vm = VM_SIZES[size];
  if (!vm) throw new Error(`${spec.cluster.name}: no resources known for the VM size ${size}`);
  const memKi = Math.round(vm.memoryGiB * 1024 * 1024 * 0.977 / 4) * 4;
  const rootKi = diskGiB * 1024 * 1024 - 535_572;
  const ki = 1024;
  const allocatableStorage = Math.floor(rootKi * ki * 0.9) - 1024 ** 3;
  const attach: Record<string, string> = kubeMinor < 23 ? { 'attachable-volumes-azure-disk': String(vm.dataDisks) } : {};
  return {
    capacity: { ...attach, cpu: String(vm.cpus), 'ephemeral-storage': `${rootKi}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: '250' },
    allocatable: { ...attach, cpu: `${vm.cpus * 1000 - 500}m`, 'ephemeral-storage': String(allocatableStorage), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi - 1024 * 1024 - 100 * 1024}Ki`, pods: '250' },
  };
}

/** OVN-Kubernetes keeps its per-node facts in annotations (interconnect mode: one zone per node,
 * join subnet 100.64.0.0/16, transit switch 100.88.0.0/16); OpenShift SDN keeps them in HostSubnets. */
function nodeAnnotations(ctx: KubeContext, n: NodeSpec, role: NodeRole): Record<string, string> {
  if (ctx.spec.network !== 'OVNKubernetes') return {};
  const index = ctx.nodes.findIndex((x) => x.n.name === n.name) + 2;
  const hostCidr = `${n.ip}/${ctx.spec.vnet[role][1].split('/')[1]}`;
  return {
    'k8s.ovn.org/host-cidrs': JSON.stringify([hostCidr]),
    'k8s.ovn.org/node-chassis-id': guid(`chassis:${n.name}`),
    'k8s.ovn.org/node-gateway-router-lrp-ifaddrs': JSON.stringify({ default: { ipv4: `100.64.0.${index}/16` } }),
    'k8s.ovn.org/node-id': String(index),
    'k8s.ovn.org/node-primary-ifaddr': JSON.stringify({ ipv4: hostCidr }),
    'k8s.ovn.org/node-subnets': JSON.stringify({ default: [n.podCidr] }),
    'k8s.ovn.org/node-transit-switch-port-ifaddr': JSON.stringify({ ipv4: `100.88.0.${index}/16` }),
    'k8s.ovn.org/zone-name': n.name,
  };
}

export function nodeObjects(ctx: KubeContext): KubeObject[] {
  const { spec, meta, at, kubeMinor } = ctx;
  const region = spec.location;
  return ctx.nodes.map(({ n, role }) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(n.name, spec.clusterAgeMinutes - (role === 'worker' ? 25 : 0), {
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': role === 'master' ? spec.vm.masterSize : spec.vm.workerSize,
        'beta.kubernetes.io/os': 'linux',
        'failure-domain.beta.kubernetes.io/region': region,
        'failure-domain.beta.kubernetes.io/zone': `${region}-${n.zone}`,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        [`node-role.kubernetes.io/${role}`]: '',
        'node.openshift.io/os_id': 'rhcos',
        'topology.kubernetes.io/region': region,
        'topology.kubernetes.io/zone': `${region}-${n.zone}`,
      },
      annotations: nodeAnnotations(ctx, n, role),
    }),
    // The network plugin allocates each node's pod network (OVN-Kubernetes in an annotation,
    // OpenShift SDN in a HostSubnet); OpenShift's kube-controller-manager stopped writing
    // spec.podCIDR as well in 4.6 (openshift/cluster-kube-controller-manager-operator#480).
    spec: { ...(spec.info.layout === '2020' ? { podCIDR: n.podCidr, podCIDRs: [n.podCidr] } : {}), providerID: `azure:///subscriptions/${spec.subscription}/resourceGroups/${spec.cluster.nodeGroup}/providers/Microsoft.Compute/virtualMachines/${n.name}`, ...(role === 'master' ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }] } : {}) },
    status: {
      ...nodeResources(spec, role === 'master' ? spec.vm.masterSize : spec.vm.workerSize, role === 'master' ? 1024 : 128, kubeMinor),
      addresses: [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at(1), lastTransitionTime: at(spec.clusterAgeMinutes - 30) }],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: spec.cluster.crio,
        kernelVersion: spec.cluster.kernel,
        // Deprecated and left empty by default from Kubernetes 1.33 (DisableNodeKubeProxyVersion);
        // until then the kubelet reports its own version here, with or without a kube-proxy.
        kubeProxyVersion: kubeMinor >= 33 ? '' : spec.cluster.kubelet,
        kubeletVersion: spec.cluster.kubelet,
        operatingSystem: 'linux',
        osImage: spec.cluster.osImage,
        machineID: guid(`machine:${n.name}`).replace(/-/g, ''),
        systemUUID: guid(`uuid:${n.name}`),
        bootID: guid(`boot:${n.name}`),
      },
    },
  }));
}

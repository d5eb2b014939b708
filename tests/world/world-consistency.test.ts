// Every built-in world agrees with itself: an address one resource names (a service's status, a
// public IP, a load balancer frontend, a NIC, the cluster resource, the ARO operator's cluster
// object, a DNS record) is the address the others name. Every expectation is read from the world,
// so the same checks hold on every lab, and a new lab is checked by being added to labs/.
import { describe, expect, it } from 'vitest';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base) / size);
}

/** Everything with an id in the lab's ARM resources, children included, by lower-case id. */
function index(lab: LabFile): Map<string, Obj> {
  const byId = new Map<string, Obj>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Obj;
      if (typeof o.id === 'string' && typeof o.name === 'string') byId.set(o.id.toLowerCase(), o);
      Object.values(o).forEach(walk);
    }
  };
  walk(lab.arm);
  return byId;
}

for (const name of builtInLabs()) {
  describe(`the ${name} world agrees with itself`, () => {
    const lab = builtInLab(name);
    const byId = index(lab);
    const get = (id: string | undefined) => (id ? byId.get(id.toLowerCase()) : undefined);
    const ofType = (type: string) => lab.arm.filter((r) => r.type.toLowerCase() === type.toLowerCase()) as Obj[];
    const kube = (kind: string) => lab.kube.filter((o) => o.kind === kind) as Obj[];
    const cluster = ofType('Microsoft.RedHatOpenShift/openShiftClusters')[0];
    const profile = cluster.properties as Obj;
    const nodeGroup = profile.clusterProfile.resourceGroupId.split('/')[4].toLowerCase();
    const inNodeGroup = (r: Obj) => r.id.split('/')[4].toLowerCase() === nodeGroup;
    const lbs = ofType('Microsoft.Network/loadBalancers');
    const frontends = lbs.flatMap((lb) => lb.properties.frontendIPConfigurations as Obj[]);
    const rules = lbs.flatMap((lb) => lb.properties.loadBalancingRules as Obj[]);
    /** A frontend's address: its public IP's, or its own private one. */
    const addressOf = (frontend: Obj) => (frontend.properties.publicIPAddress ? get(frontend.properties.publicIPAddress.id)!.properties.ipAddress : frontend.properties.privateIPAddress);
    const frontendOfRule = (rule: Obj) => get(rule.properties.frontendIPConfiguration.id)!;
    const routerService = kube('Service').find((s) => s.metadata.name === 'router-default' && s.metadata.namespace === 'openshift-ingress')!;
    const routerAddress = routerService.status!.loadBalancer.ingress[0].ip;
    const nics = ofType('Microsoft.Network/networkInterfaces');
    const vnets = ofType('Microsoft.Network/virtualNetworks');
    const network = kube('Network')[0];
    /** A node's pod network, where its network plugin records it: OVN-Kubernetes' annotation or OpenShift SDN's HostSubnet. */
    const podCidrOf = (node: Obj): string => {
      const ovn = node.metadata.annotations?.['k8s.ovn.org/node-subnets'];
      return ovn ? JSON.parse(ovn).default[0] : kube('HostSubnet').find((h) => h.host === node.metadata.name)!.subnet;
    };

    it('gives every NIC, frontend and private endpoint an address inside its subnet, and no address twice', () => {
      const taken: Array<{ ip: string; subnet: string; config: string }> = [];
      for (const nic of nics) for (const c of nic.properties.ipConfigurations) taken.push({ ip: c.properties.privateIPAddress, subnet: c.properties.subnet.id, config: c.id });
      for (const f of frontends) if (f.properties.privateIPAddress) taken.push({ ip: f.properties.privateIPAddress, subnet: f.properties.subnet.id, config: f.id });
      for (const fw of ofType('Microsoft.Network/azureFirewalls')) for (const c of fw.properties.ipConfigurations) taken.push({ ip: c.properties.privateIPAddress, subnet: c.properties.subnet.id, config: c.id });
      expect(taken.length).toBeGreaterThan(0);
      for (const t of taken) {
        const subnet = get(t.subnet)!;
        expect(inCidr(t.ip, subnet.properties.addressPrefix), `${t.ip} in ${subnet.name}`).toBe(true);
        expect((subnet.properties.ipConfigurations as Obj[]).map((r) => r.id.toLowerCase())).toContain(t.config.toLowerCase());
      }
      expect(new Set(taken.map((t) => t.ip)).size).toBe(taken.length);
    });

    it("names the API server's address where the cluster resource says it is", () => {
      const api = rules.filter((r) => r.properties.frontendPort === 6443).map(frontendOfRule);
      const match = api.filter((f) => addressOf(f) === profile.apiserverProfile.ip);
      expect(match.length).toBeGreaterThan(0);
      // A public API is reached on a public IP, a private one on a private frontend.
      expect(match.some((f) => Boolean(f.properties.publicIPAddress))).toBe(profile.apiserverProfile.visibility === 'Public');
    });

    it("gives the router one address: its frontend's, its service's, the cluster resource's, its annotation's and its NSG rules'", () => {
      const routerRules = rules.filter((r) => r.properties.frontendPort === 80 || r.properties.frontendPort === 443);
      expect(routerRules.map((r) => addressOf(frontendOfRule(r)))).toEqual(routerRules.map(() => routerAddress));
      expect(profile.ingressProfiles[0].ip).toBe(routerAddress);
      const asked = routerService.metadata.annotations?.['service.beta.kubernetes.io/azure-load-balancer-ipv4'];
      if (asked !== undefined) expect(asked).toBe(routerAddress);
      const nsgRules = ofType('Microsoft.Network/networkSecurityGroups').flatMap((n) => n.properties.securityRules as Obj[]);
      for (const rule of nsgRules.filter((r) => r.properties.destinationAddressPrefix !== '*')) expect(rule.properties.destinationAddressPrefix).toBe(routerAddress);
      const open = nsgRules.filter((r) => r.properties.sourceAddressPrefix === 'Internet').map((r) => Number(r.properties.destinationPortRange));
      expect(open.sort()).toEqual(profile.ingressProfiles[0].visibility === 'Public' ? [443, 80].sort() : []);
    });

    it("makes the router's load balancer internal exactly when ingress is private", () => {
      const isPrivate = profile.ingressProfiles[0].visibility === 'Private';
      const frontend = frontendOfRule(rules.find((r) => r.properties.frontendPort === 80)!);
      expect(Boolean(frontend.properties.publicIPAddress)).toBe(!isPrivate);
      expect(routerService.metadata.annotations?.['service.beta.kubernetes.io/azure-load-balancer-internal'] === 'true').toBe(isPrivate);
      for (const ic of kube('IngressController')) expect(ic.spec.endpointPublishingStrategy.loadBalancer.scope).toBe(isPrivate ? 'Internal' : 'External');
    });

    it('links every public IP and the frontend that uses it both ways', () => {
      for (const pip of ofType('Microsoft.Network/publicIPAddresses')) {
        const user = get(pip.properties.ipConfiguration.id)!;
        expect(user.properties.publicIPAddress.id.toLowerCase()).toBe(pip.id.toLowerCase());
      }
    });

    it("gives each node its VM NIC's address, each pod its node's address as hostIP and an address in its node's pod network", () => {
      const nodes = kube('Node');
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const nic = nics.find((n) => n.properties.virtualMachine?.id.toLowerCase().endsWith(`/${node.metadata.name.toLowerCase()}`))!;
        const internal = node.status.addresses.find((a: Obj) => a.type === 'InternalIP').address;
        expect(nic.properties.ipConfigurations[0].properties.privateIPAddress).toBe(internal);
        for (const pod of kube('Pod').filter((p) => p.spec.nodeName === node.metadata.name)) {
          expect(pod.status.hostIP).toBe(internal);
          expect(inCidr(pod.status.podIP, podCidrOf(node)), `${pod.metadata.name} in ${podCidrOf(node)}`).toBe(true);
        }
      }
    });

    it('describes its network plugin the same way in the Network object, on every node and in the cluster resource', () => {
      expect(network.spec.networkType).toBe(network.status.networkType);
      expect(network.spec.clusterNetwork.map((c: Obj) => c.cidr)).toEqual([profile.networkProfile.podCidr]);
      expect(network.spec.serviceNetwork).toEqual([profile.networkProfile.serviceCidr]);
      const ovn = network.spec.networkType === 'OVNKubernetes';
      for (const node of kube('Node')) {
        const annotations = Object.keys(node.metadata.annotations ?? {});
        expect(annotations.some((k) => k.startsWith('k8s.ovn.org/'))).toBe(ovn);
        expect(kube('HostSubnet').some((h) => h.host === node.metadata.name)).toBe(!ovn);
        // The network plugin allocates the pod network; since OpenShift 4.6 the kube-controller-manager writes none in spec.podCIDR.
        if (node.spec.podCIDR !== undefined) expect(node.spec.podCIDR).toBe(podCidrOf(node));
        if (ovn) expect(node.spec.podCIDR).toBeUndefined();
        // The kubelet reports its own version as kube-proxy's until Kubernetes 1.33 leaves the field empty.
        const minor = Number(node.status.nodeInfo.kubeletVersion.match(/^v1\.(\d+)/)[1]);
        expect(node.status.nodeInfo.kubeProxyVersion).toBe(minor >= 33 ? '' : node.status.nodeInfo.kubeletVersion);
        expect(inCidr(podCidrOf(node).split('/')[0], profile.networkProfile.podCidr)).toBe(true);
      }
      for (const svc of kube('Service')) expect(inCidr(svc.spec.clusterIP, profile.networkProfile.serviceCidr)).toBe(true);
      // Geneve takes 100 bytes of Azure's 1500, VXLAN 50.
      expect(network.status.clusterNetworkMTU).toBe(1500 - (ovn ? 100 : 50));
    });

    it('lists every Endpoints subset\'s addresses in the order the endpoints controller leaves them (IP as text, then pod uid)', () => {
      for (const endpoints of kube('Endpoints')) {
        for (const subset of (endpoints.subsets ?? []) as Obj[]) {
          const addresses = (subset.addresses ?? []) as Obj[];
          const key = (a: Obj) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
          expect(addresses.map(key)).toEqual(addresses.map(key).sort());
        }
      }
    });

    it('lists in every EndpointSlice the addresses, nodes, pods and ports its Endpoints list', () => {
      const slices = kube('EndpointSlice');
      for (const slice of slices) {
        const serviceName = slice.metadata.labels!['kubernetes.io/service-name'];
        const endpoints = kube('Endpoints').find((e) => e.metadata.name === serviceName && e.metadata.namespace === slice.metadata.namespace)!;
        const subset = endpoints.subsets[0];
        // The slice keeps its endpoints in the controller's order; the Endpoints sorts them by IP.
        expect(slice.endpoints.map((e: Obj) => e.addresses[0]).sort()).toEqual(subset.addresses.map((a: Obj) => a.ip).sort());
        expect(slice.ports.map((p: Obj) => [p.port, p.protocol])).toEqual(subset.ports.map((p: Obj) => [p.port, p.protocol]));
        for (const e of slice.endpoints as Obj[]) {
          const address = (subset.addresses as Obj[]).find((a) => a.ip === e.addresses[0])!;
          expect(e.nodeName).toBe(address.nodeName);
          if (!e.targetRef) continue;
          const pod = kube('Pod').find((p) => p.metadata.name === e.targetRef.name && p.metadata.namespace === e.targetRef.namespace)!;
          expect(e.targetRef.uid).toBe(pod.metadata.uid);
          expect(address.targetRef.uid).toBe(pod.metadata.uid);
        }
        if (slice.metadata.labels!['endpointslice.kubernetes.io/managed-by']) {
          const svc = kube('Service').find((s) => s.metadata.name === serviceName && s.metadata.namespace === slice.metadata.namespace)!;
          expect(slice.metadata.name.startsWith(`${serviceName}-`)).toBe(true);
          expect(slice.metadata.ownerReferences[0].uid).toBe(svc.metadata.uid);
        }
      }
      // The controller makes one beside every Endpoints of a service with a selector, or none at all (before Kubernetes 1.21).
      const selected = kube('Service').filter((s) => s.spec.selector);
      expect([0, selected.length]).toContain(slices.filter((s) => s.metadata.labels!['endpointslice.kubernetes.io/managed-by']).length);
    });

    it('reports as effective outbound IPs the public IPs of the outbound rules, and has a profile exactly when the load balancer carries egress', () => {
      const lbProfile = profile.networkProfile.loadBalancerProfile;
      expect(Boolean(lbProfile)).toBe(profile.networkProfile.outboundType === 'Loadbalancer');
      const outboundPips = lbs
        .flatMap((lb) => lb.properties.outboundRules as Obj[])
        .flatMap((r) => r.properties.frontendIPConfigurations.map((f: Obj) => get(f.id)!.properties.publicIPAddress.id.toLowerCase()));
      for (const ip of lbProfile?.effectiveOutboundIps ?? []) expect(outboundPips).toContain(ip.id.toLowerCase());
      if (lbProfile?.effectiveOutboundIps) expect(lbProfile.effectiveOutboundIps.length).toBe(lbProfile.managedOutboundIps.count);
    });

    it('gives both outbound rules of a cluster the same port allocation, since ARO sets it on neither', () => {
      const ports = lbs.flatMap((lb) => lb.properties.outboundRules as Obj[]).map((r) => r.properties.allocatedOutboundPorts);
      expect(new Set(ports).size).toBeLessThanOrEqual(1);
    });

    it("puts a public API rule that shares its load balancer with the workers' egress on a pool of every master and worker", () => {
      const workerNics = new Set(nics.filter((n) => n.properties.virtualMachine?.id.includes('-worker-')).map((n) => n.id.toLowerCase()));
      const carriesWorkers = (lb: Obj) => (lb.properties.outboundRules as Obj[]).some((o) => get(o.properties.backendAddressPool.id)!.properties.backendIPConfigurations.some((c: Obj) => workerNics.has(c.id.split('/ipConfigurations/')[0].toLowerCase())));
      for (const lb of lbs.filter((l) => carriesWorkers(l) && (l.properties.loadBalancingRules as Obj[]).some((r) => r.properties.frontendPort === 6443))) {
        const rule = (lb.properties.loadBalancingRules as Obj[]).find((r) => r.properties.frontendPort === 6443)!;
        const members = get(rule.properties.backendAddressPool.id)!.properties.backendIPConfigurations.map((c: Obj) => c.id.split('/')[8]);
        const vmNics = nics.filter((n) => n.properties.virtualMachine && inNodeGroup(n)).map((n) => n.name);
        expect(members.sort()).toEqual(vmNics.sort());
      }
    });

    it('probes the API alike on every load balancer that carries it', () => {
      const probes = rules.filter((r) => r.properties.frontendPort === 6443).map((r) => get(r.properties.probe.id)!.properties);
      expect(probes.length).toBeGreaterThan(0);
      for (const p of probes) expect([p.protocol, p.requestPath, p.intervalInSeconds, p.numberOfProbes]).toEqual([probes[0].protocol, probes[0].requestPath, probes[0].intervalInSeconds, probes[0].numberOfProbes]);
    });

    it("keeps egress lockdown's private endpoint and the ARO operator's cluster object together, with the addresses ARM has", () => {
      const endpoints = ofType('Microsoft.Network/privateEndpoints').filter(inNodeGroup);
      const aro = kube('Cluster').filter((o) => o.apiVersion === 'aro.openshift.io/v1alpha1');
      expect(aro.length).toBe(endpoints.length);
      for (const pe of endpoints) {
        const spec = aro[0].spec;
        const nic = get(pe.properties.networkInterfaces[0].id)!;
        expect(spec.gatewayPrivateEndpointIP).toBe(nic.properties.ipConfigurations[0].properties.privateIPAddress);
        expect(pe.properties.subnet.id.toLowerCase()).toBe(profile.masterProfile.subnetId.toLowerCase());
        expect(pe.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status).toBe('Approved');
        expect(spec.ingressIP).toBe(routerAddress);
        const internalApi = frontends.find((f) => f.name === 'internal-lb-ip-v4')!;
        expect(spec.apiIntIP).toBe(internalApi.properties.privateIPAddress);
        expect(spec.resourceId.toLowerCase()).toBe(cluster.id.toLowerCase());
        expect(spec.clusterResourceGroupId).toBe(profile.clusterProfile.resourceGroupId);
        expect(spec.infraId).toBe(lbs.find((lb) => lb.name.endsWith('-internal'))!.name.replace(/-internal$/, ''));
        expect(`apps.${spec.domain}`).toBe(new URL(profile.consoleProfile.url).hostname.replace(/^console-openshift-console\./, ''));
        expect(spec.gatewayDomains).toEqual(expect.arrayContaining(['management.azure.com', 'login.microsoftonline.com', spec.acrDomain, `imageregistry${spec.storageSuffix}.blob.core.windows.net`]));
      }
    });

    it('puts the private link service on the internal API frontend, its NAT address on its own NIC in the master subnet', () => {
      for (const pls of ofType('Microsoft.Network/privateLinkServices')) {
        const frontend = get(pls.properties.loadBalancerFrontendIpConfigurations[0].id)!;
        expect(frontend.properties.privateIPAddress).toBe(profile.apiserverProfile.visibility === 'Private' ? profile.apiserverProfile.ip : kube('Cluster')[0]?.spec.apiIntIP ?? frontend.properties.privateIPAddress);
        expect(rules.some((r) => r.properties.frontendPort === 6443 && r.properties.frontendIPConfiguration.id.toLowerCase() === frontend.id.toLowerCase())).toBe(true);
        const nic = get(pls.properties.networkInterfaces[0].id)!;
        expect(nic.properties.ipConfigurations[0].properties.privateIPAddress).toBe(pls.properties.ipConfigurations[0].properties.privateIPAddress);
        expect(nic.properties.ipConfigurations[0].properties.subnet.id.toLowerCase()).toBe(profile.masterProfile.subnetId.toLowerCase());
      }
    });

    it("answers api and api-int in its private DNS zone with the internal API frontend, and etcd-N with the masters'", () => {
      const records = ofType('Microsoft.Network/privateDnsZones/A');
      for (const zone of ofType('Microsoft.Network/privateDnsZones')) {
        expect(zone.name).toBe(new URL(profile.apiserverProfile.url).hostname.replace(/^api\./, ''));
        const internalApi = frontends.find((f) => f.name === 'internal-lb-ip-v4')!.properties.privateIPAddress;
        const a = (name: string) => records.find((r) => r.id.toLowerCase().startsWith(zone.id.toLowerCase()) && r.name === name)!.properties.aRecords.map((x: Obj) => x.ipv4Address);
        expect(a('api')).toEqual([internalApi]);
        expect(a('api-int')).toEqual([internalApi]);
        const masters = kube('Node').filter((n) => 'node-role.kubernetes.io/master' in (n.metadata.labels ?? {}));
        masters.forEach((m, i) => expect(a(`etcd-${i}`)).toEqual([m.status.addresses[0].address]));
        expect(zone.properties.numberOfRecordSets).toBe(records.length + ofType('Microsoft.Network/privateDnsZones/SRV').length + 1);
      }
    });

    it('sends a route to a virtual appliance to a firewall it has, and peers VNets both ways with each other’s address space', () => {
      const firewalls = ofType('Microsoft.Network/azureFirewalls');
      for (const table of ofType('Microsoft.Network/routeTables')) {
        for (const route of table.properties.routes as Obj[]) {
          const fw = firewalls.find((f) => f.properties.ipConfigurations.some((c: Obj) => c.properties.privateIPAddress === route.properties.nextHopIpAddress));
          expect(fw, route.id).toBeDefined();
        }
        for (const s of table.properties.subnets as Obj[]) expect(get(s.id)!.properties.routeTable.id.toLowerCase()).toBe(table.id.toLowerCase());
      }
      // A firewall allows only what its rules allow: each rule names the ranges of networks the lab has.
      const ranges = vnets.flatMap((v) => [...v.properties.addressSpace.addressPrefixes, ...v.properties.subnets.map((sn: Obj) => sn.properties.addressPrefix)]);
      for (const fw of firewalls) {
        for (const c of fw.properties.applicationRuleCollections as Obj[]) for (const r of c.properties.rules) for (const source of r.sourceAddresses) expect(ranges).toContain(source);
      }
      for (const vnet of vnets) {
        for (const peering of vnet.properties.virtualNetworkPeerings as Obj[]) {
          const remote = get(peering.properties.remoteVirtualNetwork.id)!;
          expect(peering.properties.remoteAddressSpace).toEqual(remote.properties.addressSpace);
          expect((remote.properties.virtualNetworkPeerings as Obj[]).map((p) => p.properties.remoteVirtualNetwork.id.toLowerCase())).toContain(vnet.id.toLowerCase());
        }
      }
    });

    it("places the reader's private address on a NIC of a VNet peered with the cluster's, leaving through its public address", () => {
      const privateIp = lab.info.client.privateIp;
      // Only the private cluster's reader sits in a peered VNet.
      expect(privateIp !== undefined, 'a private address for the reader').toBe(name === 'aro-private');
      if (!privateIp) return;
      const clusterVnet = get(profile.masterProfile.subnetId.split('/subnets/')[0])!;
      const nic = nics.find((n) => n.properties.ipConfigurations.some((c: Obj) => c.properties.privateIPAddress === privateIp))!;
      const subnet = get(nic.properties.ipConfigurations[0].properties.subnet.id)!;
      const vnet = get(subnet.id.split('/subnets/')[0])!;
      expect(clusterVnet.properties.virtualNetworkPeerings.map((p: Obj) => p.properties.remoteVirtualNetwork.id.toLowerCase())).toContain(vnet.id.toLowerCase());
      const route = (get(subnet.properties.routeTable?.id)?.properties.routes as Obj[] | undefined)?.find((r) => r.properties.addressPrefix === '0.0.0.0/0');
      const fw = ofType('Microsoft.Network/azureFirewalls').find((f) => f.properties.ipConfigurations[0].properties.privateIPAddress === route?.properties.nextHopIpAddress)!;
      expect(get(fw.properties.ipConfigurations[0].properties.publicIPAddress.id)!.properties.ipAddress).toBe(lab.info.client.publicIp);
    });

    it('has no public IP and no public load balancer in the node resource group of a cluster routing its own egress, and that route on both subnets', () => {
      // Only the private cluster routes its own egress.
      expect(profile.networkProfile.outboundType === 'UserDefinedRouting', 'outboundType UserDefinedRouting').toBe(name === 'aro-private');
      if (profile.networkProfile.outboundType !== 'UserDefinedRouting') return;
      expect([profile.apiserverProfile.visibility, profile.ingressProfiles[0].visibility]).toEqual(['Private', 'Private']);
      expect(ofType('Microsoft.Network/publicIPAddresses').filter(inNodeGroup)).toEqual([]);
      expect(frontends.filter((f) => f.properties.publicIPAddress)).toEqual([]);
      for (const id of [profile.masterProfile.subnetId, profile.workerProfiles[0].subnetId]) {
        const routes = get(get(id)!.properties.routeTable.id)!.properties.routes as Obj[];
        expect(routes.some((r) => r.properties.addressPrefix === '0.0.0.0/0' && r.properties.nextHopType === 'VirtualAppliance')).toBe(true);
      }
    });
  });
}

// Names and versions in the built-in worlds follow whoever makes them: the cloud provider names
// what it makes for a service after the service's UID, ARO has named the router's public IP since
// 2021, and an OpenShift release ships one Kubernetes release and one ARO VM image.
import { describe, expect, it } from 'vitest';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

for (const name of builtInLabs()) {
  describe(`names and versions in ${name}`, () => {
    const lab = builtInLab(name);
    const ofType = (type: string) => lab.arm.filter((r) => r.type === type) as Obj[];
    const profile = ofType('Microsoft.RedHatOpenShift/openShiftClusters')[0].properties;
    const router = lab.kube.find((o) => o.kind === 'Service' && o.metadata.name === 'router-default')!;
    // The cloud provider's name for what it makes for a service: "a" + the UID without dashes, cut to 32.
    const cloudName = `a${router.metadata.uid!.replace(/-/g, '')}`.slice(0, 32);
    const lbs = ofType('Microsoft.Network/loadBalancers');
    const infraId = lbs.find((lb) => lb.name.endsWith('-internal'))!.name.replace(/-internal$/, '');

    it("keeps the cloud provider's names on the router's frontend, rules and probes", () => {
      const lb = lbs.find((l) => l.properties.frontendIPConfigurations.some((f: Obj) => f.name === cloudName))!;
      expect(lb.properties.loadBalancingRules.filter((r: Obj) => r.name.startsWith(cloudName)).map((r: Obj) => r.name).sort()).toEqual([`${cloudName}-TCP-443`, `${cloudName}-TCP-80`]);
      expect(lb.properties.probes.filter((p: Obj) => p.name.startsWith(cloudName)).map((p: Obj) => p.name).sort()).toEqual([`${cloudName}-TCP-443`, `${cloudName}-TCP-80`]);
    });

    it("names the router's public IP after its maker: the cloud provider on the 2020 layout, ARO since 2021", () => {
      const frontend = lbs.flatMap((l) => l.properties.frontendIPConfigurations as Obj[]).find((f) => f.name === cloudName)!;
      if (!frontend.properties.publicIPAddress) return expect(profile.ingressProfiles[0].visibility).toBe('Private');
      const pip = ofType('Microsoft.Network/publicIPAddresses').find((p) => p.id.toLowerCase() === frontend.properties.publicIPAddress.id.toLowerCase())!;
      if (lab.info.layout === '2020') {
        expect(pip.name).toBe(`${infraId}-${cloudName}`);
        expect(pip.tags.service).toBe(`${router.metadata.namespace}/${router.metadata.name}`);
      } else {
        expect(pip.name).toBe(`${infraId}-default-v4`);
        expect(pip.tags).toEqual({});
        // The service asks the cloud provider for the address ARO reserved.
        expect(router.metadata.annotations?.['service.beta.kubernetes.io/azure-load-balancer-ipv4']).toBe(pip.properties.ipAddress);
      }
    });

    it('runs the Kubernetes release its OpenShift version ships (4.N has 1.N+13), on the ARO image of that version', () => {
      const ocpMinor = Number(profile.clusterProfile.version.split('.')[1]);
      for (const node of lab.kube.filter((o) => o.kind === 'Node') as Obj[]) {
        expect(node.status.nodeInfo.kubeletVersion).toMatch(new RegExp(`^v1\\.${ocpMinor + 13}\\.`));
        expect(node.status.nodeInfo.containerRuntimeVersion).toMatch(new RegExp(`^cri-o://1\\.${ocpMinor + 13}\\..*rhaos4\\.${ocpMinor}\\.`));
      }
      for (const vm of ofType('Microsoft.Compute/virtualMachines').filter((v) => v.id.split('/')[4].toLowerCase() === profile.clusterProfile.resourceGroupId.split('/')[4])) {
        expect(vm.properties.storageProfile.imageReference).toMatchObject({ publisher: 'azureopenshift', offer: 'aro4', sku: `aro_4${ocpMinor}` });
        expect(vm.properties.storageProfile.imageReference.version.startsWith(`4${ocpMinor}.`)).toBe(true);
        expect(vm.properties.hardwareProfile.vmSize).toBe(vm.name.includes('-master-') ? profile.masterProfile.vmSize : profile.workerProfiles[0].vmSize);
      }
    });
  });
}

// What a reader sees must agree across commands: the address one tool shows is the address the
// others show. Every expectation is derived from the world through the commands themselves, so the
// same checks hold on every lab.
import { describe, expect, it } from 'vitest';
import { json, labSession, out } from './helpers.ts';
import { builtInLabs } from '../helpers/built-in-labs.ts';

for (const lab of builtInLabs()) {
  describe(`cross-command consistency on ${lab}`, async () => {
    const s = await labSession(lab);
    const host = await out(s, "kubectl get route -o jsonpath='{.items[0].spec.host}'");
    await out(s, "node_rg_id=$(az aro show -n $cluster_name -g $rg --query 'clusterProfile.resourceGroupId' -o tsv)");
    await out(s, 'node_rg_name=$(echo $node_rg_id | cut -d/ -f 5)');
    const lbs = await json(s, 'az network lb list -g $node_rg_name -o json');
    const pips = await json(s, 'az network public-ip list -g $node_rg_name -o json');
    const nics = await json(s, 'az network nic list -g $node_rg_name -o json');
    const vms = await json(s, 'az vm list -g $node_rg_name -o json');
    const cluster = await json(s, 'az aro show -n $cluster_name -g $rg -o json');
    const app = await json(s, `curl -s http://${host}/api/ip`);
    const routerPods = await json(s, 'kubectl get pods -n openshift-ingress -o json');
    const appPods = await json(s, 'kubectl get pods -A -o json');

    const lower = (id: string) => id.toLowerCase();
    const frontends = lbs.flatMap((lb: any) => lb.frontendIPConfigurations);
    const frontendById = new Map(frontends.map((f: any) => [lower(f.id), f]));
    const pipById = new Map(pips.map((p: any) => [lower(p.id), p]));
    const pipOfFrontend = (id: string) => pipById.get(lower((frontendById.get(lower(id)) as any).publicIPAddress.id)) as any;
    /** What a frontend answers on: its public IP's address, or its own private one. */
    const addressOfFrontend = (id: string) => {
      const frontend = frontendById.get(lower(id)) as any;
      return frontend.publicIPAddress ? pipOfFrontend(id).ipAddress : frontend.privateIPAddress;
    };

    it("the router service EXTERNAL-IP is the router frontend's address and what nslookup answers for the route host", async () => {
      const external = await out(s, "kubectl get svc router-default -n openshift-ingress -o jsonpath='{.status.loadBalancer.ingress[0].ip}'");
      const rule80 = lbs.flatMap((lb: any) => lb.loadBalancingRules).find((r: any) => r.frontendPort === 80);
      expect(addressOfFrontend(rule80.frontendIPConfiguration.id)).toBe(external);
      const answer = (await out(s, `nslookup ${host}`)).match(/^Address: (.+)$/m);
      expect(answer?.[1]).toBe(external);
      expect(cluster.ingressProfiles[0].ip).toBe(external);
    });

    it("my_public_ip is where the API pod's node sends its Internet traffic: its subnet's firewall, else the outbound PIP of the load balancer whose pool holds its NIC", async () => {
      const apiPod = appPods.items.find((p: any) => p.status.podIP === app.my_private_ip && p.status.phase === 'Running');
      const nic = nics.find((n: any) => n.virtualMachine && lower(n.virtualMachine.id).endsWith(`/${lower(apiPod.spec.nodeName)}`));
      const subnetId: string = nic.ipConfigurations[0].subnet.id;
      const [, , , , subnetGroup, , , , vnetName, , subnetName] = subnetId.split('/');
      const table = await out(s, `az network vnet subnet show -g ${subnetGroup} --vnet-name ${vnetName} -n ${subnetName} --query routeTable.id -o tsv`);
      if (table.trim()) {
        const [, , , , tableGroup, , , , tableName] = table.trim().split('/');
        const hop = (await out(s, `az network route-table show -g ${tableGroup} -n ${tableName} --query "routes[?addressPrefix=='0.0.0.0/0'].nextHopIpAddress | [0]" -o tsv`)).trim();
        // No az command of the lab shows a firewall: read the firewalls from ARM as az would.
        const sub = cluster.id.split('/')[2];
        const firewalls = ((await s.world.arm(`/subscriptions/${sub}/providers/Microsoft.Network/azureFirewalls`)).body as any).value;
        const fw = firewalls.find((f: any) => f.properties.ipConfigurations.some((c: any) => c.properties.privateIPAddress === hop));
        const [, , , , pipGroup, , , , pipName] = fw.properties.ipConfigurations[0].properties.publicIPAddress.id.split('/');
        const pip = await json(s, `az network public-ip show -g ${pipGroup} -n ${pipName} -o json`);
        expect(pip.ipAddress).toBe(app.my_public_ip);
        return;
      }
      const pools = new Set(nic.ipConfigurations.flatMap((c: any) => c.loadBalancerBackendAddressPools ?? []).map((p: any) => lower(p.id)));
      const outbound = lbs.flatMap((lb: any) => lb.outboundRules ?? []).find((r: any) => pools.has(lower(r.backendAddressPool.id)));
      expect(pipOfFrontend(outbound.frontendIPConfigurations[0].id).ipAddress).toBe(app.my_public_ip);
    });

    it('your_address is a router pod, x-forwarded-for the reader (its private address when it sits in a peered VNet)', () => {
      expect(routerPods.items.map((p: any) => p.status.podIP)).toContain(app.your_address);
      const client = s.world.info.client;
      expect(app['x-forwarded-for']).toBe(`['${client.privateIp ?? client.publicIp}']`);
    });

    it('sql_server_ip is the ClusterIP of the SQL service and what /api/dns answers', async () => {
      const [svc, ns] = app.sql_server_fqdn.split('.');
      const clusterIp = await out(s, `kubectl get svc ${svc} -n ${ns} -o jsonpath='{.spec.clusterIP}'`);
      expect(app.sql_server_ip).toBe(clusterIp);
      const dns = await json(s, `curl -s "http://${host}/api/dns?fqdn=${app.sql_server_fqdn}"`);
      expect(dns).toEqual({ fqdn: app.sql_server_fqdn, ip: clusterIp });
    });

    it('SQL Server sees the API pod IP as its client', async () => {
      const src = await json(s, `curl -s http://${host}/api/sqlsrcip`);
      expect(src.sql_output).toBe(app.my_private_ip);
    });

    it('the NICs cut from the outbound pool are the worker VMs', async () => {
      const outbound = lbs.flatMap((lb: any) => lb.outboundRules ?? []).map((r: any) => r.backendAddressPool.id);
      // A cluster that routes its own egress has no outbound rule.
      if (cluster.networkProfile.outboundType === 'UserDefinedRouting') return expect(outbound).toEqual([]);
      const lbName = outbound[0].split('/')[8];
      const poolName = outbound[0].split('/')[10];
      const cut = await out(s, `az network lb address-pool show --lb-name ${lbName} -n ${poolName} -g $node_rg_name --query 'backendIPConfigurations[].id' -o tsv | cut -d/ -f 9`);
      const workers = vms.filter((vm: any) => vm.name.includes('-worker-')).map((vm: any) => `${vm.name}-nic`);
      expect(cut.trim().split('\n').sort()).toEqual(expect.arrayContaining(workers.sort()));
    });
  });
}

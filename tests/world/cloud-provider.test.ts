// The cloud provider's controller: a LoadBalancer service gets a frontend `a<uid>` on the cluster's
// load balancer, a rule and a probe per port, NSG rules to the frontend's address and (when public)
// a public IP, shaped as the lab's own router parts are; the commands then agree on its address;
// deleting the service or changing its type back removes every part.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/engine/sources/fixture/controllers/index.ts';
import { writeContext } from '../../src/engine/sources/fixture/writes/context.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { isLoadBalancer, isNetworkSecurityGroup, isPublicIpAddress } from '../../src/engine/world/schema/arm.ts';
import { isService } from '../../src/engine/world/schema/kube.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

const UID = '0b7e4d52-8f1a-4c3e-9d26-5a1f7c9e3b48';
const PREFIX = 'a0b7e4d528f1a4c3e9d265a1f7c9e3b4';

/** A LoadBalancer service for the sample app, as the API server stores it once created. */
function appService(namespace: string, selector: Record<string, string>, extra: { annotations?: Record<string, string>; local?: boolean; sourceRanges?: string[] } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'sqlapi-lb', namespace, uid: UID, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z', ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      clusterIP: '172.30.99.99',
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }],
      selector,
      type: 'LoadBalancer',
      externalTrafficPolicy: extra.local ? 'Local' : 'Cluster',
      ...(extra.sourceRanges ? { loadBalancerSourceRanges: extra.sourceRanges } : {}),
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };
}

/** One change: `change` edits a copy of the lab as a write would, then the controllers settle it. */
function changed(lab: LabFile, change: (copy: LabFile) => void, n = 1): LabFile {
  const copy = structuredClone(lab);
  change(copy);
  reconcile(copy, writeContext(lab, n));
  return copy;
}

const lbNamed = (lab: LabFile, name: string) => lab.arm.filter(isLoadBalancer).find((lb) => lb.name === name)!;
const serviceNamed = (lab: LabFile, name: string) => lab.kube.filter(isService).find((s) => s.metadata.name === name)!;

describe('the cloud provider, for a public LoadBalancer service on a cluster of today', () => {
  const lab = builtInLab('aro-today');
  const withService = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' })));
  const lb = lbNamed(withService, 'demo-4xt7q');
  const service = serviceNamed(withService, 'sqlapi-lb');

  it('gives the service a node port from 30000-32767 that no other service holds', () => {
    const port = service.spec?.ports?.[0].nodePort ?? 0;
    const others = lab.kube.filter(isService).flatMap((s) => [...(s.spec?.ports ?? []).map((p) => p.nodePort), s.spec?.healthCheckNodePort]);
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(others).not.toContain(port);
  });

  it('makes a frontend a<uid> on <infraID> with a public IP <infraID>-a<uid> tagged with the service', () => {
    const frontend = lb.properties?.frontendIPConfigurations?.find((f) => f.name === PREFIX);
    expect(frontend?.properties?.publicIPAddress?.id).toBe('/subscriptions/5f3e2b71-9c4d-4e8a-b6f0-2a7c1d9e8b34/resourceGroups/aro-x7k2p9qa/providers/Microsoft.Network/publicIPAddresses/demo-4xt7q-' + PREFIX);
    const pip = withService.arm.filter(isPublicIpAddress).find((p) => p.name === `demo-4xt7q-${PREFIX}`)!;
    expect(pip.tags).toEqual({ 'k8s-azure-cluster-name': 'demo-4xt7q', 'k8s-azure-service': 'shop/sqlapi-lb' });
    expect(pip.properties?.ipConfiguration?.id).toBe(frontend?.id);
    expect(pip.properties?.publicIPAllocationMethod).toBe('Static');
    // A documentation address no other part of the lab uses.
    expect(pip.properties?.ipAddress).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(JSON.stringify(lab)).not.toContain(`"${pip.properties?.ipAddress}"`);
    // Kubernetes 1.32: the API server gives the address the mode VIP (kubectl describe prints `(VIP)`).
    expect(service.status?.loadBalancer?.ingress).toEqual([{ ip: pip.properties?.ipAddress, ipMode: 'VIP' }]);
  });

  it('adds a rule and a TCP probe on the node port, shaped as the router rules of the lab', () => {
    const rule = lb.properties?.loadBalancingRules?.find((r) => r.name === `${PREFIX}-TCP-8080`);
    const routerRule = lb.properties?.loadBalancingRules?.find((r) => r.name.endsWith('-TCP-80'));
    expect(Object.keys(rule?.properties ?? {})).toEqual(Object.keys(routerRule?.properties ?? {}));
    expect(rule?.properties).toMatchObject({ frontendPort: 8080, backendPort: 8080, enableFloatingIP: true, idleTimeoutInMinutes: 4, protocol: 'Tcp', enableTcpReset: true, backendAddressPool: routerRule?.properties?.backendAddressPool });
    const probe = lb.properties?.probes?.find((p) => p.id === rule?.properties?.probe?.id);
    expect(probe?.properties).toMatchObject({ protocol: 'Tcp', port: service.spec?.ports?.[0].nodePort, intervalInSeconds: 5, numberOfProbes: 2, loadBalancingRules: [{ id: rule?.id }] });
    // ARM gives every child of the load balancer it changed the balancer's new etag.
    expect(lb.etag).not.toBe(lbNamed(lab, 'demo-4xt7q').etag);
    expect(lb.properties?.frontendIPConfigurations?.every((f) => f.etag === lb.etag)).toBe(true);
  });

  it('opens the port to the Internet in the node NSG at the lowest free priority from 500', () => {
    const nsg = withService.arm.filter(isNetworkSecurityGroup).find((n) => n.name === 'demo-4xt7q-nsg')!;
    const rule = nsg.properties?.securityRules?.find((r) => r.name === `${PREFIX}-TCP-8080-Internet`);
    // The router's rules hold 500 and 501.
    expect(rule?.properties).toMatchObject({ protocol: 'Tcp', destinationPortRange: '8080', sourceAddressPrefix: 'Internet', destinationAddressPrefix: service.status?.loadBalancer?.ingress?.[0].ip, access: 'Allow', priority: 502, direction: 'Inbound' });
  });

  it('records what it did as the service controller does', () => {
    const events = withService.kube.filter((o) => o.kind === 'Event' && o.metadata.name.startsWith('sqlapi-lb.'));
    expect(events.map((e) => [e.reason, e.message, e.source])).toEqual([
      ['EnsuringLoadBalancer', 'Ensuring load balancer', { component: 'service-controller' }],
      ['EnsuredLoadBalancer', 'Ensured load balancer', { component: 'service-controller' }],
    ]);
  });

  it('is what kubectl and az agree on: EXTERNAL-IP = the frontend public IP, the rule and the NSG rule carry it', async () => {
    const ip = service.status?.loadBalancer?.ingress?.[0].ip ?? '';
    const s = new Session(createFixtureWorld(withService), { tty: false });
    expect((await s.run('kubectl get svc sqlapi-lb -n shop -o jsonpath={.status.loadBalancer.ingress[0].ip}')).stdout).toBe(ip);
    const frontends = await s.run(`az network lb frontend-ip list -g aro-x7k2p9qa --lb-name demo-4xt7q --query "[?name=='${PREFIX}'].publicIPAddress.id" -o tsv`);
    expect(frontends.stdout.trim()).toMatch(new RegExp(`/publicIPAddresses/demo-4xt7q-${PREFIX}$`));
    expect((await s.run(`az network public-ip show -g aro-x7k2p9qa -n demo-4xt7q-${PREFIX} --query ipAddress -o tsv`)).stdout.trim()).toBe(ip);
    expect((await s.run(`az network lb rule list -g aro-x7k2p9qa --lb-name demo-4xt7q --query '[?frontendPort==\`8080\`].name' -o tsv`)).stdout.trim()).toBe(`${PREFIX}-TCP-8080`);
    expect((await s.run(`az network nsg rule list -g aro-x7k2p9qa --nsg-name demo-4xt7q-nsg --query "[?destinationAddressPrefix=='${ip}'].priority" -o tsv`)).stdout.trim()).toBe('502');
  });

  it('removes every part when the service is deleted: the load balancer, NSG and public IPs are the lab’s again', () => {
    const deleted = changed(withService, (copy) => (copy.kube = copy.kube.filter((o) => o.metadata.uid !== UID)), 2);
    const strip = (l: LabFile) => JSON.stringify(l.arm, (k, v) => (k === 'etag' ? undefined : v));
    expect(strip(deleted)).toBe(strip(lab));
    const events = deleted.kube.filter((o) => o.kind === 'Event' && o.metadata.name.startsWith('sqlapi-lb.')).map((e) => e.reason);
    expect(events.slice(-2)).toEqual(['DeletingLoadBalancer', 'DeletedLoadBalancer']);
  });

  it('removes every part when the type goes back to ClusterIP, and clears the status', () => {
    const back = changed(
      withService,
      (copy) => {
        const s = serviceNamed(copy, 'sqlapi-lb');
        s.spec = { ...s.spec, type: 'ClusterIP' };
      },
      2,
    );
    expect(lbNamed(back, 'demo-4xt7q').properties?.frontendIPConfigurations?.map((f) => f.name)).toEqual(lbNamed(lab, 'demo-4xt7q').properties?.frontendIPConfigurations?.map((f) => f.name));
    expect(back.arm.filter(isPublicIpAddress).map((p) => p.name)).toEqual(lab.arm.filter(isPublicIpAddress).map((p) => p.name));
    expect(serviceNamed(back, 'sqlapi-lb').status?.loadBalancer).toEqual({});
  });

  it('is the same world for the same change (replaying a reader’s changes gives back what they saw)', () => {
    const again = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' })));
    expect(JSON.stringify(again)).toBe(JSON.stringify(withService));
  });
});

describe('the cloud provider, for other kinds of LoadBalancer service', () => {
  it('with externalTrafficPolicy Local: a health-check node port and HTTP /healthz probes on it', () => {
    const lab = builtInLab('aro-today');
    const after = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { local: true })));
    const hc = serviceNamed(after, 'sqlapi-lb').spec?.healthCheckNodePort ?? 0;
    expect(hc).toBeGreaterThanOrEqual(30000);
    const probe = lbNamed(after, 'demo-4xt7q').properties?.probes?.find((p) => p.name === `${PREFIX}-TCP-8080`);
    expect(probe?.properties).toMatchObject({ protocol: 'Http', port: hc, requestPath: '/healthz' });
  });

  it('internal: a frontend on <infraID>-internal with the lowest free worker address, no public IP, no NSG rule', () => {
    const lab = builtInLab('aro-today');
    const after = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } })));
    const frontend = lbNamed(after, 'demo-4xt7q-internal').properties?.frontendIPConfigurations?.find((f) => f.name === PREFIX);
    // The workers hold 10.40.2.4-.8: the next free address of 10.40.2.0/23.
    expect(frontend?.properties).toMatchObject({ privateIPAddress: '10.40.2.9', privateIPAllocationMethod: 'Dynamic', subnet: { id: expect.stringMatching(/\/subnets\/worker$/) } });
    expect(frontend?.zones).toEqual(['1', '2', '3']);
    expect(after.arm.filter(isPublicIpAddress).length).toBe(lab.arm.filter(isPublicIpAddress).length);
    const nsg = after.arm.filter(isNetworkSecurityGroup).find((n) => n.name === 'demo-4xt7q-nsg')!;
    expect(nsg.properties?.securityRules?.some((r) => r.name.startsWith(PREFIX))).toBe(false);
    expect(serviceNamed(after, 'sqlapi-lb').status?.loadBalancer?.ingress).toEqual([{ ip: '10.40.2.9', ipMode: 'VIP' }]);
    // The workers join the internal load balancer's pool, so the rule has backends.
    const pool = lbNamed(after, 'demo-4xt7q-internal').properties?.backendAddressPools?.find((p) => p.name === 'demo-4xt7q');
    expect(pool?.properties?.backendIPConfigurations?.filter((c) => c.id.includes('-worker-')).length).toBe(5);
  });

  it('with loadBalancerSourceRanges: one NSG rule per range, named with the range', () => {
    const lab = builtInLab('aro-today');
    const after = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { sourceRanges: ['192.0.2.200/32', '198.51.100.0/24'] })));
    const nsg = after.arm.filter(isNetworkSecurityGroup).find((n) => n.name === 'demo-4xt7q-nsg')!;
    const rules = nsg.properties?.securityRules?.filter((r) => r.name.startsWith(PREFIX)).map((r) => [r.name, r.properties?.sourceAddressPrefix, r.properties?.priority]);
    expect(rules).toEqual([
      [`${PREFIX}-TCP-8080-192.0.2.200_32`, '192.0.2.200/32', 502],
      [`${PREFIX}-TCP-8080-198.51.100.0_24`, '198.51.100.0/24', 503],
    ]);
  });

  it('on the 2020 cluster: the frontend on <infraID>, the node NSG <infraID>-node-nsg, the in-tree provider’s tags', () => {
    const lab = builtInLab('aro2');
    const project = lab.info.session.namespace;
    const after = changed(lab, (copy) => copy.kube.push(appService(project, { deploymentconfig: 'sqlapi' })));
    const infra = lab.arm.filter(isLoadBalancer).find((lb) => lb.name.endsWith('-internal'))!.name.replace(/-internal$/, '');
    expect(lbNamed(after, infra).properties?.frontendIPConfigurations?.some((f) => f.name === PREFIX)).toBe(true);
    const pip = after.arm.filter(isPublicIpAddress).find((p) => p.name === `${infra}-${PREFIX}`)!;
    expect(pip.tags).toEqual({ 'kubernetes-cluster-name': 'kubernetes', service: `${project}/sqlapi-lb` });
    const nsg = after.arm.filter(isNetworkSecurityGroup).find((n) => n.name === `${infra}-node-nsg`)!;
    expect(nsg.properties?.securityRules?.find((r) => r.name === `${PREFIX}-TCP-8080-Internet`)?.properties?.priority).toBe(502);
    // Kubernetes 1.16 knows no ingress IP mode.
    expect(serviceNamed(after, 'sqlapi-lb').status?.loadBalancer?.ingress).toEqual([{ ip: pip.properties?.ipAddress }]);
  });

  it('on a cluster without a public load balancer (UserDefinedRouting): makes <infraID> with the workers in its pool, and deletes it with the last service', () => {
    const lab = builtInLab('aro-private');
    const infra = lab.arm.filter(isLoadBalancer).find((lb) => lb.name.endsWith('-internal'))!.name.replace(/-internal$/, '');
    expect(lab.arm.filter(isLoadBalancer).some((lb) => lb.name === infra)).toBe(false);
    const project = lab.info.session.namespace;
    const after = changed(lab, (copy) => copy.kube.push(appService(project, { deployment: 'sqlapi' })));
    const lb = lbNamed(after, infra);
    expect(lb.sku).toEqual({ name: 'Standard', tier: 'Regional' });
    const workers = after.kube.filter((o) => o.kind === 'Node' && o.metadata.labels && 'node-role.kubernetes.io/worker' in o.metadata.labels).length;
    const pool = lb.properties?.backendAddressPools?.find((p) => p.name === infra);
    expect(pool?.properties?.backendIPConfigurations?.length).toBe(workers);
    expect(lb.properties?.frontendIPConfigurations?.map((f) => f.name)).toEqual([PREFIX]);
    expect(serviceNamed(after, 'sqlapi-lb').status?.loadBalancer?.ingress?.[0].ip).toBe(after.arm.filter(isPublicIpAddress).find((p) => p.name === `${infra}-${PREFIX}`)?.properties?.ipAddress);
    const deleted = changed(after, (copy) => (copy.kube = copy.kube.filter((o) => o.metadata.uid !== UID)), 2);
    const strip = (l: LabFile) => JSON.stringify(l.arm, (k, v) => (k === 'etag' ? undefined : v));
    expect(strip(deleted)).toBe(strip(lab));
  });

  it('leaves the lab’s own LoadBalancer services as they are after an unrelated change', () => {
    const lab = builtInLab('aro2');
    const after = changed(lab, (copy) => copy.kube.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', uid: 'u' }, data: {} }));
    expect(JSON.stringify(after.arm)).toBe(JSON.stringify(lab.arm));
  });
});

describe('the network follows the cloud provider', () => {
  const lab = builtInLab('aro-today');
  const curl = async (l: LabFile, ip: string) => new Session(createFixtureWorld(l), { tty: false }).run(`curl -s -m 5 http://${ip}:8080/api/healthcheck`);

  it('curl reaches the app through the new frontend, and no longer once the service is deleted', async () => {
    const withService = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' })));
    const ip = serviceNamed(withService, 'sqlapi-lb').status?.loadBalancer?.ingress?.[0].ip ?? '';
    const reached = await curl(withService, ip);
    expect(JSON.parse(reached.stdout)).toEqual({ health: 'OK' });
    const deleted = changed(withService, (copy) => (copy.kube = copy.kube.filter((o) => o.metadata.uid !== UID)), 2);
    const after = await curl(deleted, ip);
    expect(after.stdout).toBe('');
    expect(after.status).toBe(28);
  });

  it('loadBalancerSourceRanges that leave the reader out: the NSG drops the reader’s connection', async () => {
    // The reader's machine is 192.0.2.200: a range without it.
    const closed = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { sourceRanges: ['198.51.100.0/24'] })));
    const ip = serviceNamed(closed, 'sqlapi-lb').status?.loadBalancer?.ingress?.[0].ip ?? '';
    expect((await curl(closed, ip)).status).toBe(28);
    const open = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { sourceRanges: ['192.0.2.200/32'] })));
    expect(JSON.parse((await curl(open, serviceNamed(open, 'sqlapi-lb').status?.loadBalancer?.ingress?.[0].ip ?? '')).stdout)).toEqual({ health: 'OK' });
  });
});

describe('the cloud provider, for a service that asks for its address', () => {
  const lab = builtInLab('aro-today');
  const RG = '/subscriptions/5f3e2b71-9c4d-4e8a-b6f0-2a7c1d9e8b34/resourceGroups/demo-rg';

  it('takes a public IP of the resource group the service names, and leaves it when the service goes', () => {
    const withIp = changed(lab, (copy) =>
      copy.arm.push({ name: 'my-ip', id: `${RG}/providers/Microsoft.Network/publicIPAddresses/my-ip`, type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', sku: { name: 'Standard', tier: 'Regional' }, properties: { provisioningState: 'Succeeded', ipAddress: '198.51.100.9', publicIPAllocationMethod: 'Static' } }),
    );
    const annotations = { 'service.beta.kubernetes.io/azure-load-balancer-ipv4': '198.51.100.9', 'service.beta.kubernetes.io/azure-load-balancer-resource-group': 'demo-rg' };
    const after = changed(withIp, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { annotations })), 2);
    expect(serviceNamed(after, 'sqlapi-lb').status?.loadBalancer?.ingress?.[0].ip).toBe('198.51.100.9');
    const frontend = lbNamed(after, 'demo-4xt7q').properties?.frontendIPConfigurations?.find((f) => f.name === PREFIX);
    expect(frontend?.properties?.publicIPAddress?.id).toBe(`${RG}/providers/Microsoft.Network/publicIPAddresses/my-ip`);
    expect(after.arm.filter(isPublicIpAddress).some((p) => p.name === `demo-4xt7q-${PREFIX}`)).toBe(false);
    const deleted = changed(after, (copy) => (copy.kube = copy.kube.filter((o) => o.metadata.uid !== UID)), 3);
    const mine = deleted.arm.filter(isPublicIpAddress).find((p) => p.name === 'my-ip');
    expect(mine?.properties?.ipAddress).toBe('198.51.100.9');
    expect(mine?.properties?.ipConfiguration).toBeUndefined();
  });

  it('an address no public IP has: the service stays pending, with the controller’s warning', () => {
    const after = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-ipv4': '198.51.100.9' } })));
    expect(serviceNamed(after, 'sqlapi-lb').status?.loadBalancer).toEqual({});
    const warning = after.kube.find((o) => o.kind === 'Event' && o.reason === 'SyncLoadBalancerFailed');
    expect(warning).toMatchObject({ type: 'Warning', message: 'Error syncing load balancer: failed to ensure load balancer: findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address 198.51.100.9 in resource group aro-x7k2p9qa' });
    expect(JSON.stringify(after.arm)).toBe(JSON.stringify(lab.arm));
  });

  it('internal, with a free address of the worker subnet: that address, allocated Static', () => {
    const annotations = { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true', 'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.40.3.200' };
    const after = changed(lab, (copy) => copy.kube.push(appService('shop', { deployment: 'sqlapi' }, { annotations })));
    const frontend = lbNamed(after, 'demo-4xt7q-internal').properties?.frontendIPConfigurations?.find((f) => f.name === PREFIX);
    expect(frontend?.properties).toMatchObject({ privateIPAddress: '10.40.3.200', privateIPAllocationMethod: 'Static' });
  });
});

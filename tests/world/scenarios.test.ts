// Fault scenarios as worlds: what each one changes is what Azure and OpenShift would hold after the
// fault (a bring-your-own NSG leaves the managed resource group alone, a firewall subnet lies inside
// its VNet, a redeploy makes a new pod), and every event a world holds is about one of its objects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { applyScenario, ScenarioError, type ScenarioFile } from '../../src/engine/sources/fixture/scenario.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { inPrefix } from '../../src/engine/model/addresses.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { defaultCertificateLoads } from '../../src/engine/app/router-logs.ts';
import { field } from '../../src/engine/world/json.ts';

type Obj = Record<string, any>;

function scenarioFile(name: string): ScenarioFile {
  return JSON.parse(readFileSync(new URL(`../../labs/scenarios/${name}.json`, import.meta.url), 'utf8')) as ScenarioFile;
}

const names = (await listLabs()).map((l) => l.name);
const scenarios = names.filter((n) => {
  try {
    return scenarioFile(n).base !== undefined;
  } catch {
    return false;
  }
});

const kube = (lab: LabFile, kind: string, namespace?: string) => lab.kube.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
const obj = (lab: LabFile, kind: string, namespace: string | undefined, name: string) => kube(lab, kind, namespace).find((o) => o.metadata.name === name);

describe.each(names)('the world of %s', async (name) => {
  const lab = await loadLab({ name });

  it('puts every subnet inside the address space of its VNet, as Azure requires', () => {
    for (const vnet of lab.arm.filter((r) => r.type === 'Microsoft.Network/virtualNetworks')) {
      const space = ((vnet.properties as Obj).addressSpace?.addressPrefixes ?? []) as string[];
      for (const subnet of ((vnet.properties as Obj).subnets ?? []) as Obj[]) {
        const prefix = String(subnet.properties.addressPrefix);
        const [base, bits] = prefix.split('/');
        const last = base.split('.').map(Number).reduce((n, p) => n * 256 + p, 0) + 2 ** (32 - Number(bits)) - 1;
        const lastIp = [24, 16, 8, 0].map((s) => Math.floor(last / 2 ** s) % 256).join('.');
        expect(space.some((p) => inPrefix(base, p) && inPrefix(lastIp, p)), `${vnet.name}/${subnet.name} ${prefix} in ${space.join(', ')}`).toBe(true);
      }
    }
  });

  it('holds events only about its objects, each named with its uid (or about an object a scenario removed, by the uid it had)', async () => {
    const removed: KubeObject[] = [];
    if (scenarios.includes(name)) {
      const file = scenarioFile(name);
      const base = await loadLab({ name: file.base });
      for (const change of file.changes) if (change.op === 'remove') removed.push(obj(base, change.kube.kind, change.kube.namespace, change.kube.name)!);
    }
    for (const event of kube(lab, 'Event')) {
      const io = (event as Obj).involvedObject as Obj;
      const target = [...lab.kube, ...removed].find((o) => o.kind === io.kind && o.metadata.name === io.name && (o.metadata.namespace ?? undefined) === (io.namespace ?? undefined));
      expect(target, `${event.metadata.name}: ${io.kind} ${io.namespace}/${io.name}`).toBeDefined();
      expect(io.uid).toBe(target!.metadata.uid);
      expect(event.metadata.namespace).toBe(io.namespace ?? 'default');
      // Events live three hours: only the last three hours of the lab's clock.
      const age = Date.parse(lab.info.clock) - Date.parse(String((event as Obj).lastTimestamp));
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(3 * 3600_000);
    }
  });
});

describe('nsg-blocks-web: a bring-your-own NSG', async () => {
  const lab = await loadLab({ name: 'nsg-blocks-web' });
  const base = await loadLab({ name: scenarioFile('nsg-blocks-web').base });
  const cluster = (l: LabFile) => l.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters')!;
  const managedGroup = String((cluster(base).properties as Obj).clusterProfile.resourceGroupId).toLowerCase();
  const inManaged = (l: LabFile) => l.arm.filter((r) => r.id.toLowerCase().startsWith(`${managedGroup}/`));

  it('is a cluster created with preconfiguredNSG Enabled whose subnets carry an NSG of the customer\'s own resource group', () => {
    const props = cluster(lab).properties as Obj;
    expect(props.networkProfile.preconfiguredNSG).toBe('Enabled');
    const model = new WorldModel(lab);
    for (const subnetId of [props.masterProfile.subnetId, props.workerProfiles[0].subnetId] as string[]) {
      const nsgId = String(field(model.arm(subnetId), 'properties', 'networkSecurityGroup', 'id'));
      expect(nsgId.toLowerCase().startsWith(`${managedGroup}/`)).toBe(false);
      expect(nsgId.split('/')[4]).toBe(subnetId.split('/')[4]);
    }
  });

  it('leaves the managed resource group as ARO made it: the same resources, its default NSG kept with its rules but attached to no subnet', () => {
    const before = inManaged(base);
    const after = inManaged(lab);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (const [i, resource] of after.entries()) {
      if (resource.type !== 'Microsoft.Network/networkSecurityGroups') {
        expect(resource).toEqual(before[i]);
        continue;
      }
      // howto-bring-nsg.md: "the ARO RP still creates an NSG in the Managed Resource Group (default
      // NSG), but that NSG isn't attached to the worker or master subnets", and is still updated
      // for LoadBalancer services.
      const { subnets, ...rest } = before[i].properties as Obj;
      expect(subnets).toBeDefined();
      expect(resource.properties).toEqual(rest);
    }
  });

  it('holds no rule that a customer could not have written: no NSG rule of the managed resource group differs', () => {
    const rules = (l: LabFile) => inManaged(l).filter((r) => r.type === 'Microsoft.Network/networkSecurityGroups').map((r) => (r.properties as Obj).securityRules);
    expect(rules(lab)).toEqual(rules(base));
  });
});

describe('wrong-sql-fqdn: a redeploy makes a new pod', async () => {
  const lab = await loadLab({ name: 'wrong-sql-fqdn' });
  const base = await loadLab({ name: scenarioFile('wrong-sql-fqdn').base });
  const dc = obj(base, 'DeploymentConfig', undefined, 'sqlapi')!;
  const ns = dc.metadata.namespace;

  it('rolls the DeploymentConfig to version 2: a new ReplicationController, its deployer pod and its pod; the old pod is gone and its controller scaled to 0', () => {
    const now = obj(lab, 'DeploymentConfig', ns, 'sqlapi')!;
    const latest = (now.status as Obj).latestVersion as number;
    expect(latest).toBe((dc.status as Obj).latestVersion + 1);
    const rcNew = obj(lab, 'ReplicationController', ns, `sqlapi-${latest}`)!;
    const rcOld = obj(lab, 'ReplicationController', ns, `sqlapi-${latest - 1}`)!;
    expect(rcNew.metadata.annotations?.['openshift.io/deployment-config.latest-version']).toBe(String(latest));
    expect((rcNew.metadata as Obj).ownerReferences[0].uid).toBe(now.metadata.uid);
    expect((rcOld.spec as Obj).replicas).toBe(0);
    const pods = kube(lab, 'Pod', ns).filter((p) => p.metadata.name.startsWith('sqlapi-'));
    const oldPods = kube(base, 'Pod', ns).filter((p) => p.metadata.name.startsWith(`sqlapi-${latest - 1}-`) && !p.metadata.name.endsWith('-deploy'));
    for (const old of oldPods) expect(pods.map((p) => p.metadata.name)).not.toContain(old.metadata.name);
    const deployer = pods.find((p) => p.metadata.name === `sqlapi-${latest}-deploy`)!;
    expect((deployer.status as Obj).phase).toBe('Succeeded');
    const fresh = pods.filter((p) => new RegExp(`^sqlapi-${latest}-[bcdfghjklmnpqrstvwxz2456789]{5}$`).test(p.metadata.name));
    expect(fresh).toHaveLength(1);
    expect((fresh[0].metadata as Obj).ownerReferences[0]).toMatchObject({ kind: 'ReplicationController', name: rcNew.metadata.name, uid: rcNew.metadata.uid });
    // The pod's environment is the new template's: a pod's env cannot change, so the new value comes with a new pod.
    expect((fresh[0].spec as Obj).containers[0].env).toEqual((rcNew.spec as Obj).template.spec.containers[0].env);
    expect((fresh[0].spec as Obj).containers[0].env).not.toEqual((obj(base, 'ReplicationController', ns, `sqlapi-${latest - 1}`)!.spec as Obj).template.spec.containers[0].env);
    // A new address on its node's pod network.
    const model = new WorldModel(lab);
    const podIp = (fresh[0].status as Obj).podIP as string;
    expect(inPrefix(podIp, model.podNetworkOf((fresh[0].spec as Obj).nodeName)!)).toBe(true);
    expect(lab.kube.filter((o) => o.kind === 'Pod' && (o.status as Obj | undefined)?.podIP === podIp)).toHaveLength(1);
  });

  it('serves the route from the new pod', () => {
    const model = new WorldModel(lab);
    const route = model.routes().find((r) => r.metadata.namespace === ns)!;
    expect(model.routeBackend(route)?.metadata.name).toMatch(/^sqlapi-2-/);
  });
});

describe('router-down: the default certificate replaced', async () => {
  const lab = await loadLab({ name: 'router-down' });
  const model = new WorldModel(lab);

  it('has the default IngressController name a secret of openshift-ingress, and every router pod crash-looping after earlier runs', () => {
    const ic = obj(lab, 'IngressController', 'openshift-ingress-operator', 'default')!;
    const secret = (ic.spec as Obj).defaultCertificate.name as string;
    expect(obj(lab, 'Secret', 'openshift-ingress', secret)).toBeDefined();
    const routers = kube(lab, 'Pod', 'openshift-ingress').filter((p) => p.metadata.labels?.['ingresscontroller.operator.openshift.io/deployment-ingresscontroller'] === 'default');
    expect(routers.length).toBeGreaterThan(0);
    const replicaSets = kube(lab, 'ReplicaSet', 'openshift-ingress');
    for (const pod of routers) {
      // Made by the router's ReplicaSet, whose running pods the colleague deleted: a running router
      // survives a bad certificate (HAProxy's failed reload leaves the old HAProxy serving), a new one
      // cannot start.
      const owner = (pod.metadata as Obj).ownerReferences[0];
      expect(replicaSets.find((rs) => rs.metadata.name === owner.name)?.metadata.uid).toBe(owner.uid);
      expect(Date.parse(pod.metadata.creationTimestamp!)).toBeGreaterThan(Date.parse(lab.info.clock) - 3 * 3600_000);
      const status = (pod.status as Obj).containerStatuses[0];
      expect(status.state.waiting.reason).toBe('CrashLoopBackOff');
      expect(status.restartCount).toBeGreaterThan(0);
      expect(status.lastState.terminated.containerID).toMatch(/^cri-o:\/\//);
    }
    expect(model.routerPods()).toEqual([]);
    // With externalTrafficPolicy Local no node passes the health probe.
    expect((model.routerService()!.spec as Obj).externalTrafficPolicy).toBe('Local');
  });

  it('names a secret HAProxy cannot load (no private key in tls.crt or tls.key), where the base lab\'s certificate loads', async () => {
    expect(defaultCertificateLoads(model)).toBe(false);
    expect(defaultCertificateLoads(new WorldModel(await loadLab({ name: scenarioFile('router-down').base })))).toBe(true);
  });

  it('has the ingress operator report it as cluster-ingress-operator 4.3 does: the IngressController degraded, the ClusterOperator unavailable and degraded', () => {
    const conditions = (o: KubeObject) => Object.fromEntries((((o.status as Obj).conditions ?? []) as Obj[]).map((c) => [c.type, c]));
    const ic = conditions(obj(lab, 'IngressController', 'openshift-ingress-operator', 'default')!);
    expect(ic.Available).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(ic.Degraded).toMatchObject({ status: 'True', reason: 'DegradedConditions', message: 'One or more other status conditions indicate a degraded state: DeploymentDegraded=True' });
    const co = conditions(obj(lab, 'ClusterOperator', undefined, 'ingress')!);
    expect(co.Available).toMatchObject({ status: 'False', reason: 'IngressUnavailable', message: 'Not all ingress controllers are available.' });
    expect(co.Degraded).toMatchObject({ status: 'True', reason: 'IngressControllersDegraded', message: 'Some ingresscontrollers are degraded: default' });
  });
});

describe('scenario changes', async () => {
  const base = await loadLab({ name: 'aro2' });

  it('unset removes a property, and names a path that holds nothing instead of changing something else', () => {
    const nsg = base.arm.find((r) => r.type === 'Microsoft.Network/networkSecurityGroups')!;
    const ok: ScenarioFile = { formatVersion: 1, name: 'u', base: 'aro2', title: 't', summary: 's', story: 'x', changes: [{ op: 'unset', arm: { type: nsg.type, name: nsg.name }, path: 'properties.subnets' }] };
    const changed = applyScenario(base, ok).arm.find((r) => r.id === nsg.id)!;
    expect((changed.properties as Obj).subnets).toBeUndefined();
    expect((nsg.properties as Obj).subnets).toBeDefined();
    const bad: ScenarioFile = { ...ok, changes: [{ op: 'unset', arm: { type: nsg.type, name: nsg.name }, path: 'properties.nothing' }] };
    expect(() => applyScenario(base, bad)).toThrow(new ScenarioError('scenario u, change 1: nothing at "nothing" in properties.nothing'));
  });
});

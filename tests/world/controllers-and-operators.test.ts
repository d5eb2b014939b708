// Every pod's controller is in the world (a DeploymentConfig's ReplicationController or a
// Deployment's ReplicaSet) under the uid the pod's ownerReferences name, each controller names its
// own owner the same way, and the cluster reports its operators at the cluster's version. The
// expectations are read from the world, so each built-in lab is checked by the same rules.
import { describe, expect, it } from 'vitest';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

for (const name of builtInLabs()) {
  describe(`the ${name} world's controllers and operators`, () => {
    const lab = builtInLab(name);
    const kube = (kind: string) => lab.kube.filter((o) => o.kind === kind) as Obj[];
    const cluster = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters') as Obj;

    it('holds the controller each pod names as its owner, under the same uid', () => {
      const owned = kube('Pod').filter((p) => p.metadata.ownerReferences?.some((o: Obj) => o.kind === 'ReplicationController' || o.kind === 'ReplicaSet'));
      expect(owned.length).toBeGreaterThan(0);
      for (const pod of owned) {
        const ref = pod.metadata.ownerReferences[0];
        const owner = kube(ref.kind).find((o) => o.metadata.name === ref.name && o.metadata.namespace === pod.metadata.namespace);
        expect(owner, `${pod.metadata.name}'s ${ref.kind} ${ref.name}`).toBeDefined();
        expect(owner!.metadata.uid).toBe(ref.uid);
        // The controller's selector selects the pod.
        const selector = owner!.spec.selector.matchLabels ?? owner!.spec.selector;
        for (const [k, v] of Object.entries(selector)) expect(pod.metadata.labels[k]).toBe(v);
      }
    });

    it("holds each controller's own owner: a DeploymentConfig whose latest version is its replication controller's, or a Deployment", () => {
      for (const rc of kube('ReplicationController')) {
        const ref = rc.metadata.ownerReferences[0];
        const dc = kube('DeploymentConfig').find((d) => d.metadata.name === ref.name && d.metadata.namespace === rc.metadata.namespace)!;
        expect(dc.metadata.uid).toBe(ref.uid);
        expect(rc.metadata.annotations['openshift.io/deployment-config.name']).toBe(dc.metadata.name);
        expect(rc.metadata.annotations['openshift.io/deployment.phase']).toBe('Complete');
        expect(`${dc.metadata.name}-${dc.status.latestVersion}`).toBe(rc.metadata.name);
        expect(rc.metadata.annotations['openshift.io/deployment-config.latest-version']).toBe(String(dc.status.latestVersion));
      }
      for (const rs of kube('ReplicaSet')) {
        const ref = rs.metadata.ownerReferences[0];
        const deployment = kube('Deployment').find((d) => d.metadata.name === ref.name && d.metadata.namespace === rs.metadata.namespace)!;
        expect(deployment.metadata.uid).toBe(ref.uid);
      }
    });

    it("has the default IngressController, whose publishing scope is the cluster's ingress visibility", () => {
      const [ic] = kube('IngressController');
      expect(ic.metadata.name).toBe('default');
      expect(ic.spec.endpointPublishingStrategy.loadBalancer.scope).toBe(cluster.properties.ingressProfiles[0].visibility === 'Private' ? 'Internal' : 'External');
    });

    it("reports every cluster operator Available at the cluster's version, the ingress operator among them", () => {
      const operators = kube('ClusterOperator');
      expect(operators.map((o) => o.metadata.name)).toContain('ingress');
      for (const co of operators) {
        // The ARO operator reports no version of itself; every other reports the release's.
        if (co.metadata.name === 'aro') expect(co.status.versions).toBeUndefined();
        else expect(co.status.versions.find((v: Obj) => v.name === 'operator').version).toBe(cluster.properties.clusterProfile.version);
        const status = (type: string) => co.status.conditions.find((c: Obj) => c.type === type)?.status;
        expect([status('Available'), status('Progressing'), status('Degraded')]).toEqual(['True', 'False', 'False']);
      }
    });
  });
}

// The controllers that own the pods, made from the pods themselves.
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid } from './ids.ts';
import type { KubeContext } from './kube-context.ts';
import { containersOf } from './kube-pods.ts';
import { defaultIngressController } from './router.ts';
import type { PodSpec } from './spec.ts';

/** The controllers that own the pods, made from the pods themselves: an OpenShift DeploymentConfig
 * and its ReplicationController (`<dc>-<version>`, whose deployer pod `<rc>-deploy` ran it), or a
 * Deployment and its ReplicaSet (`<deployment>-<pod-template-hash>`), the router's included. Added
 * after every other object, so that the others keep their resourceVersions. Each controller's uid
 * is the one its pods' ownerReferences already name. */
export function controllersOf(ctx: KubeContext, pods: PodSpec[]): KubeObject[] {
  const { spec, meta, at } = ctx;
  const out: KubeObject[] = [];
  const ownerUid = (name: string) => guid(`owner:${name}`);
  const template = (p: PodSpec) => ({
    metadata: { creationTimestamp: null, labels: p.labels.deploymentconfig ? { deploymentconfig: p.labels.deploymentconfig, app: p.labels.app } : { ...Object.fromEntries(Object.entries(p.labels).filter(([k]) => k !== 'pod-template-hash')) } },
    spec: {
      containers: containersOf(p, p.labels.deploymentconfig ?? p.labels.app ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, '')),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      ...p.podSpec,
    },
  });
  const byOwner = new Map<string, PodSpec[]>();
  for (const p of pods) if (p.owner && (p.owner.kind === 'ReplicationController' || p.owner.kind === 'ReplicaSet')) byOwner.set(`${p.owner.kind}/${p.namespace}/${p.owner.name}`, [...(byOwner.get(`${p.owner.kind}/${p.namespace}/${p.owner.name}`) ?? []), p]);
  for (const [key, owned] of byOwner) {
    const [kind, namespace, name] = key.split('/');
    const first = owned[0];
    const ready = owned.filter((p) => p.phase === 'Running').length;
    if (kind === 'ReplicationController') {
      // oc new-app's DeploymentConfig: a config-change trigger, the rolling strategy's defaults.
      const dc = first.labels.deploymentconfig;
      const version = Number(name.slice(dc.length + 1));
      const deployer = pods.find((p) => p.labels['openshift.io/deployer-pod-for.name'] === name);
      const age = Math.max(...owned.map((p) => p.ageMinutes), deployer?.ageMinutes ?? 0);
      const dcUid = guid(`dc:${namespace}/${dc}`);
      const selector = { deploymentconfig: dc };
      const strategy = { type: 'Rolling', rollingParams: { updatePeriodSeconds: 1, intervalSeconds: 1, timeoutSeconds: 600, maxUnavailable: '25%', maxSurge: '25%' }, resources: {}, activeDeadlineSeconds: 21600 };
      out.push({
        apiVersion: 'apps.openshift.io/v1',
        kind: 'DeploymentConfig',
        metadata: { ...meta(dc, age + 1, { labels: { app: first.labels.app }, annotations: { 'openshift.io/generated-by': 'OpenShiftNewApp' } }, namespace), uid: dcUid, generation: 2 },
        spec: { strategy, triggers: [{ type: 'ConfigChange' }], replicas: owned.length, revisionHistoryLimit: 10, test: false, selector, template: template(first) },
        status: {
          latestVersion: version,
          observedGeneration: 2,
          replicas: owned.length,
          updatedReplicas: owned.length,
          availableReplicas: ready,
          unavailableReplicas: owned.length - ready,
          details: { message: 'config change', causes: [{ type: 'ConfigChange' }] },
          conditions: [
            { type: 'Available', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), message: 'Deployment config has minimum availability.' },
            { type: 'Progressing', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), reason: 'NewReplicationControllerAvailable', message: `replication controller "${name}" successfully rolled out` },
          ],
          readyReplicas: ready,
        },
      });
      out.push({
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: {
          ...meta(name, age, {
            labels: { app: first.labels.app, 'openshift.io/deployment-config.name': dc },
            annotations: {
              'openshift.io/deployer-pod.completed-at': deployer ? `${at(deployer.ageMinutes - 1).replace('T', ' ').replace('Z', ' +0000 UTC')}` : '',
              'openshift.io/deployer-pod.created-at': `${at(age).replace('T', ' ').replace('Z', ' +0000 UTC')}`,
              'openshift.io/deployer-pod.name': `${name}-deploy`,
              'openshift.io/deployment-config.latest-version': String(version),
              'openshift.io/deployment-config.name': dc,
              'openshift.io/deployment.phase': 'Complete',
              'openshift.io/deployment.replicas': String(owned.length),
              'openshift.io/deployment.status-reason': 'config change',
              'openshift.io/encoded-deployment-config': '',
            },
            ownerReferences: [{ apiVersion: 'apps.openshift.io/v1', kind: 'DeploymentConfig', name: dc, uid: dcUid, controller: true, blockOwnerDeletion: true }],
          }, namespace),
          uid: ownerUid(name),
          generation: 2,
        },
        spec: { replicas: owned.length, selector: { ...selector, deployment: name }, template: { ...template(first), metadata: { creationTimestamp: null, labels: { ...first.labels }, annotations: { 'openshift.io/deployment-config.latest-version': String(version), 'openshift.io/deployment-config.name': dc, 'openshift.io/deployment.name': name } } } },
        status: { replicas: owned.length, fullyLabeledReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: 2 },
      });
      continue;
    }
    // A Deployment and its ReplicaSet.
    const hash = first.labels['pod-template-hash'];
    const deployment = name.slice(0, -(hash.length + 1));
    const age = Math.max(...owned.map((p) => p.ageMinutes));
    const depUid = guid(`deploy:${namespace}/${deployment}`);
    const router = namespace === 'openshift-ingress';
    const selector = router ? { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' } : Object.fromEntries(Object.entries(first.labels).filter(([k]) => k !== 'pod-template-hash'));
    // The ingress operator's deployment (its manifest) has no labels and the Recreate strategy.
    const operator = namespace === 'openshift-ingress-operator';
    const labels: Record<string, string> | undefined = router ? { 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' } : operator ? undefined : { app: deployment };
    // A LoadBalancerService IngressController's rollout: 4.3 surges one pod and keeps every old one
    // until it is ready; 4.19 allows half of two replicas down, surges 25 %, and waits 30 s
    // (three 10 s health checks) before a new pod counts as available.
    const routerStrategy = spec.info.layout === '2020' ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: '25%' } };
    const routerMinReady = router && spec.info.layout !== '2020' ? 30 : 0;
    const tpl = template(first);
    const progressing = { type: 'Progressing', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age + 1), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` };
    const available = { type: 'Available', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta(deployment, age + 1, { ...(labels ? { labels } : {}), annotations: { 'deployment.kubernetes.io/revision': '1' } }, namespace), uid: depUid, generation: 1 },
      spec: { replicas: owned.length, selector: { matchLabels: selector }, template: tpl, strategy: operator ? { type: 'Recreate' } : router ? routerStrategy : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, minReadySeconds: routerMinReady, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
      status: { observedGeneration: 1, replicas: owned.length, updatedReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, conditions: [available, progressing] },
    });
    out.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...meta(name, age + 1, { labels: { ...selector, 'pod-template-hash': hash }, annotations: { 'deployment.kubernetes.io/desired-replicas': String(owned.length), 'deployment.kubernetes.io/max-replicas': String(owned.length + (operator ? 0 : 1)), 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: depUid, controller: true, blockOwnerDeletion: true }] }, namespace),
        uid: ownerUid(name),
        generation: 1,
      },
      spec: { replicas: owned.length, minReadySeconds: routerMinReady, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template: { ...tpl, metadata: { creationTimestamp: null, labels: { ...selector, 'pod-template-hash': hash } } } },
      status: { replicas: owned.length, fullyLabeledReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 },
    });
  }
  // 2020: the IngressController was made after the controllers (today it comes with the network objects).
  if (ctx.spec.info.layout === '2020') out.push(defaultIngressController(ctx));
  return out;
}

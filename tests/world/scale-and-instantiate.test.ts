// The API server's scale and instantiate subresources, then the controllers: a merge patch of a
// DeploymentConfig's Scale (what kubectl scale sends) runs two pods, and the Scale answered is
// extensions/v1beta1's as OpenShift serves it; a Deployment's is autoscaling/v1's; a negative
// count is refused as the server's validation words it; an instantiate request with force (oc
// rollout latest) raises latestVersion with a Manual cause and the controller rolls out `<dc>-2`.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const merge = 'application/merge-patch+json';

describe('the scale subresource', () => {
  it('of a DeploymentConfig sets its replicas, and its replication controller runs as many pods', async () => {
    const world = createFixtureWorld(builtInLab('aro2'));
    const answer = await world.kubeWrite!({ method: 'PATCH', path: '/apis/apps.openshift.io/v1/namespaces/project1/deploymentconfigs/sqlapi/scale', body: { spec: { replicas: 2 } }, contentType: merge });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ kind: 'Scale', apiVersion: 'extensions/v1beta1', metadata: { name: 'sqlapi', namespace: 'project1' }, spec: { replicas: 2 }, status: { replicas: 1, selector: { deploymentconfig: 'sqlapi' }, targetSelector: 'deploymentconfig=sqlapi' } });
    const lab = world.changes!.current();
    const dc = lab.kube.find((o) => o.kind === 'DeploymentConfig' && o.metadata.name === 'sqlapi') as Obj;
    expect(dc.spec.replicas).toBe(2);
    expect(dc.metadata.generation).toBe(3);
    expect(dc.status.observedGeneration).toBe(3);
    expect(lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.labels?.deployment === 'sqlapi-1')).toHaveLength(2);
  });

  it('of a Deployment answers autoscaling/v1 with its selector as text, and refuses a negative count', async () => {
    const world = createFixtureWorld(builtInLab('aro-today'));
    const path = '/apis/apps/v1/namespaces/shop/deployments/sqlapi/scale';
    const answer = await world.kubeWrite!({ method: 'PATCH', path, body: { spec: { replicas: 3 } }, contentType: merge });
    expect(answer.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { replicas: 1, selector: 'deployment=sqlapi' } });
    expect(world.changes!.current().kube.filter((o) => o.kind === 'Pod' && o.metadata.labels?.deployment === 'sqlapi')).toHaveLength(3);
    const refused = await world.kubeWrite!({ method: 'PATCH', path, body: { spec: { replicas: -1 } }, contentType: merge });
    expect(refused).toMatchObject({ status: 422, body: { reason: 'Invalid', message: 'Scale.autoscaling "sqlapi" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' } });
    expect(world.changes!.count).toBe(1);
  });
});

describe('the instantiate subresource', () => {
  it('with force raises latestVersion with a manual cause, and the controller rolls out the next version', async () => {
    const world = createFixtureWorld(builtInLab('aro2'));
    const answer = await world.kubeWrite!({ method: 'POST', path: '/apis/apps.openshift.io/v1/namespaces/project1/deploymentconfigs/sqlapi/instantiate', body: { kind: 'DeploymentRequest', apiVersion: 'apps.openshift.io/v1', name: 'sqlapi', latest: true, force: true } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'DeploymentConfig', status: { latestVersion: 2, details: { message: 'manual change', causes: [{ type: 'Manual' }] } } });
    const lab = world.changes!.current();
    const rc = lab.kube.find((o) => o.kind === 'ReplicationController' && o.metadata.name === 'sqlapi-2') as Obj;
    expect(rc.metadata.annotations['openshift.io/deployment.status-reason']).toBe('manual change');
    expect(lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.labels?.deploymentconfig === 'sqlapi' && (o as Obj).status.phase === 'Running').map((o) => o.metadata.labels?.deployment)).toEqual(['sqlapi-2']);
  });
});

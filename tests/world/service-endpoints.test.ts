// A new service with a selector gets its Endpoints and EndpointSlice from the endpoints
// controllers, holding the pods it selects, so kubectl shows them as a cluster would.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { isEndpointSlice, isEndpoints, isPod } from '../../src/engine/world/schema/kube.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

describe('the endpoints controllers, for a new service', () => {
  it('make its Endpoints and an owned EndpointSlice <service>-xxxxx with the selected pods, stamped with the service’s creation', async () => {
    const lab = builtInLab('aro-today');
    const world = createFixtureWorld(lab);
    const created = await world.kubeWrite!({ method: 'POST', path: '/api/v1/namespaces/shop/services', body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { app: 'web' } }, spec: { selector: { deployment: 'sqlapi' }, ports: [{ port: 80, targetPort: 8080 }] } } });
    expect(created.status).toBe(201);
    const now = world.changes!.current();
    const pod = lab.kube.filter(isPod).find((p) => p.metadata.labels?.deployment === 'sqlapi')!;
    const endpoints = now.kube.filter(isEndpoints).find((o) => o.metadata.name === 'web' && o.metadata.namespace === 'shop')!;
    expect(endpoints.metadata.labels).toEqual({ app: 'web' });
    expect(endpoints.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': lab.info.clock });
    const slice = now.kube.filter(isEndpointSlice).find((o) => o.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: (created.body as { metadata: { uid: string } }).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.endpoints?.map((e) => e.addresses)).toEqual([[pod.status?.podIP]]);
    const s = new Session(world, { tty: false });
    expect((await s.run('kubectl get endpoints web -n shop --no-headers')).stdout).toMatch(new RegExp(`^web +${pod.status?.podIP}:8080 +0s\\n$`));
    expect((await s.run('kubectl describe svc web -n shop')).stdout).toMatch(new RegExp(`\\nEndpoints: +${pod.status?.podIP}:8080\\n`));
  });

  it('leave a service without a selector alone', async () => {
    const world = createFixtureWorld(builtInLab('aro-today'));
    await world.kubeWrite!({ method: 'POST', path: '/api/v1/namespaces/shop/services', body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } } });
    expect(world.changes!.current().kube.some((o) => o.kind === 'Endpoints' && o.metadata.name === 'manual')).toBe(false);
  });
});

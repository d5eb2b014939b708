// Deleting the routers' LoadBalancer service: the ingress operator makes it again, as a new
// object, and the cloud provider gives the new one its frontend; the apps domain answers again.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { isService } from '../../src/engine/world/schema/kube.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

async function deleteRouterService(name: string) {
  const lab = builtInLab(name);
  const world = createFixtureWorld(lab);
  const s = new Session(world, { tty: false });
  const host = (await s.run(`oc get route -n ${lab.info.session.namespace} -o jsonpath='{.items[0].spec.host}'`)).stdout;
  const deleted = await s.run('oc delete svc router-default -n openshift-ingress');
  expect(deleted.stdout).toBe('service "router-default" deleted\n');
  const old = lab.kube.filter(isService).find((o) => o.metadata.name === 'router-default')!;
  const now = world.changes!.current().kube.filter(isService).find((o) => o.metadata.name === 'router-default')!;
  return { lab, s, host, old, now };
}

describe('the ingress operator, when router-default is deleted', () => {
  it('today: makes it again with a new uid and node ports; the provider gives it ARO’s address again, and the app answers', async () => {
    const { s, host, old, now } = await deleteRouterService('aro-today');
    expect(now.metadata.uid).not.toBe(old.metadata.uid);
    expect(now.metadata.labels).toEqual(old.metadata.labels);
    expect(now.spec?.ports?.map((p) => p.nodePort)).not.toEqual(old.spec?.ports?.map((p) => p.nodePort));
    expect(now.status?.loadBalancer?.ingress?.[0].ip).toBe(old.status?.loadBalancer?.ingress?.[0].ip);
    const frontend = `a${now.metadata.uid!.replace(/-/g, '')}`.slice(0, 32);
    expect((await s.run('az network lb frontend-ip list -g aro-x7k2p9qa --lb-name demo-4xt7q --query "[].name" -o tsv')).stdout.split('\n')).toContain(frontend);
    expect((await s.run(`curl -s -o /dev/null -w '%{http_code}' http://${host}/api/healthcheck`)).stdout).toBe('200');
    expect((await s.run('oc get events -n openshift-ingress --field-selector involvedObject.kind=Service -o custom-columns=REASON:.reason --no-headers')).stdout.split('\n').filter(Boolean)).toEqual(['DeletingLoadBalancer', 'DeletedLoadBalancer', 'EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('2020: the in-tree provider makes a new public IP for the new service, and the apps domain follows it', async () => {
    const { s, host, old, now } = await deleteRouterService('aro2');
    const ip = now.status?.loadBalancer?.ingress?.[0].ip;
    expect(ip).toBeDefined();
    expect(ip).not.toBe(old.status?.loadBalancer?.ingress?.[0].ip);
    expect((await s.run(`nslookup ${host}`)).stdout).toContain(`Address: ${ip}`);
    expect((await s.run(`curl -s -o /dev/null -w '%{http_code}' http://${host}/api/healthcheck`)).stdout).toBe('200');
  });
});

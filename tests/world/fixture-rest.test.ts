// The fixture answers ARM and Kubernetes GETs like the real APIs, 404 bodies included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabJson } from '../../src/engine/world/schema/lab-file.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';

const lab = parseLabJson(readFileSync(new URL('../../labs/aro2/world.json', import.meta.url), 'utf8'), 'aro2');
const world = createFixtureWorld(lab);
const sub = `/subscriptions/${lab.info.account.id}`;
const lbs = `${sub}/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers`;

describe('fixture ARM', () => {
  it('lists a type in a group and finds one resource, case-insensitively', async () => {
    const list = await world.arm(lbs);
    expect((list.body as any).value.map((r: any) => r.name)).toEqual(['aro2-p8bjm', 'aro2-p8bjm-internal', 'aro2-p8bjm-internal-lb', 'aro2-p8bjm-public-lb']);
    const one = await world.arm(`${lbs.toLowerCase()}/aro2-p8bjm-public-lb`);
    expect((one.body as any).name).toBe('aro2-p8bjm-public-lb');
  });

  it('serves child collections and child items from the parent', async () => {
    const pools = await world.arm(`${lbs}/aro2-p8bjm/backendAddressPools`);
    expect((pools.body as any).value[0].properties.backendIPConfigurations).toHaveLength(3);
    const rule = await world.arm(`${lbs}/aro2-p8bjm/outboundRules/outboundrule`);
    expect((rule.body as any).properties.allocatedOutboundPorts).toBe(1024);
  });

  it("answers ARM's 404 bodies", async () => {
    expect(await world.arm(`${sub}/resourceGroups/nope/providers/Microsoft.Network/loadBalancers`)).toEqual({ status: 404, body: { error: { code: 'ResourceGroupNotFound', message: "Resource group 'nope' could not be found." } } });
    expect((await world.arm(`${lbs}/nope`)).body).toEqual({ error: { code: 'ResourceNotFound', message: "The Resource 'Microsoft.Network/loadBalancers/nope' under resource group 'aro2-resources' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix" } });
    expect((await world.arm(`${lbs}/nope/probes`)).body).toEqual({ error: { code: 'ParentResourceNotFound', message: "Can not perform requested operation on nested resource. Parent resource 'nope' not found." } });
  });
});

describe('fixture Kubernetes API', () => {
  it('lists a namespace, filters by label and counts across namespaces', async () => {
    const pods = (await world.kube('/api/v1/namespaces/project1/pods')).body as any;
    expect(pods.kind).toBe('PodList');
    expect(pods.items.map((p: any) => p.metadata.name).sort()).toEqual(['server-1-deploy', 'server-1-ppl25', 'sqlapi-1-8jgx8', 'sqlapi-1-deploy']);
    const selected = (await world.kube(`/api/v1/namespaces/project1/pods?labelSelector=${encodeURIComponent('deploymentconfig=sqlapi')}`)).body as any;
    expect(selected.items.map((p: any) => p.metadata.name)).toEqual(['sqlapi-1-8jgx8']);
    // Across namespaces: the app's route and the console's.
    const all = (await world.kube('/apis/route.openshift.io/v1/routes')).body as any;
    expect(all.items.map((r: any) => `${r.metadata.namespace}/${r.metadata.name}`)).toEqual(['openshift-console/console', 'project1/sqlapilb']);
  });

  it("answers the API server's NotFound Status", async () => {
    const missing = await world.kube('/apis/route.openshift.io/v1/namespaces/project1/routes/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404, message: 'routes.route.openshift.io "nope" not found' });
  });
});

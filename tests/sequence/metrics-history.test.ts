// Azure Monitor after a change: the lab's clock does not move, so a change shows from the minute
// before it (the one `--offset 1m` asks for), and the minutes before that stay what they were; a
// reset gives back the lab's own series.
import { describe, expect, it } from 'vitest';
import { labSession, type LabSession } from './lab-session.ts';

const LB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm';

/** Each node's probe status on the router's HTTPS rule, minute by minute over the last five. */
async function probeSeries(s: LabSession): Promise<Record<string, number[]>> {
  const json = await s.out(`az monitor metrics list --resource ${LB} --metrics DipAvailability --filter "BackendIPAddress eq '*' and FrontendPort eq '443'" --offset 5m --interval PT1M --query "value[0].timeseries[].[metadatavalues[0].value, data[].average]" -o json`);
  return Object.fromEntries(JSON.parse(json) as Array<[string, number[]]>);
}

describe("the router's health probe status on aro2, when the router is scaled to zero", () => {
  it('falls to 0 in the last minute on every node, keeps its past, and comes back with a reset', async () => {
    const s = labSession('aro2');
    const before = await probeSeries(s);
    const routerNodes = Object.keys(before).filter((ip) => before[ip].every((v) => v === 100));
    expect(routerNodes).toHaveLength(2);
    // What `oc scale deployment/router-default --replicas=0 -n openshift-ingress` sends.
    await s.write({ method: 'PATCH', path: '/apis/apps/v1/namespaces/openshift-ingress/deployments/router-default/scale', body: { spec: { replicas: 0 } }, contentType: 'application/merge-patch+json' });
    expect(await s.out(`kubectl get pods -n openshift-ingress -o name`)).toBe('');
    const after = await probeSeries(s);
    for (const ip of Object.keys(before)) expect(after[ip], ip).toEqual([...before[ip].slice(0, 4), 0]);
    s.world.changes!.reset();
    expect(await probeSeries(s)).toEqual(before);
  });
});

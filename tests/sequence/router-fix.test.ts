// router-down, fixed two ways: deleting the crash-looping routers only brings new ones that cannot
// load the certificate either (not ready, the route still silent); taking the broken certificate off
// the IngressController makes the ingress operator mount its own, the deployment rolls out routers
// that turn ready, and the route, the endpoints, the app's your_address and the walk all follow.
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/engine/walk/walk.ts';
import { loadLab } from '../../src/node/labs.ts';
import { apiIp, appHost, labSession, words, type LabSession } from './lab-session.ts';

const code = async (s: LabSession, host: string) => (await s.run(`curl -s -m 10 -o /dev/null -w '%{http_code}' http://${host}/api/healthcheck`)).stdout;
const routerPods = async (s: LabSession) => words(await s.out(`kubectl get pods -n openshift-ingress -o jsonpath='{range .items[*]}{.metadata.name}={.status.containerStatuses[0].ready}{" "}{end}'`));

describe('router-down', () => {
  it('is not fixed by deleting the routers: their replacements mount the same certificate and never turn ready', async () => {
    const s = labSession(await loadLab({ name: 'router-down' }));
    const host = appHost(s.lab);
    expect(await code(s, host)).toBe('000');
    await s.out('oc delete pods --all -n openshift-ingress');
    const pods = await routerPods(s);
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.endsWith('=false'))).toBe(true);
    expect(await s.out(`kubectl get endpoints router-default -n openshift-ingress -o jsonpath='{.subsets[*].addresses[*].ip}'`)).toBe('');
    expect(await code(s, host)).toBe('000');
    expect(walk(s.world.changes!.current(), 'ingress').stopped?.why).toContain('No healthy backend');
    const name = pods[0].replace(/=false$/, '');
    expect(await s.out(`oc get events -n openshift-ingress -o jsonpath='{range .items[?(@.involvedObject.name=="${name}")]}{.reason}: {.message}{"\\n"}{end}'`)).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 500\n');
  });

  it("is fixed by taking the broken certificate off the IngressController: the operator's own certificate rolls out ready routers", async () => {
    const s = labSession(await loadLab({ name: 'router-down' }));
    const host = appHost(s.lab);
    await s.out(`oc patch ingresscontroller default -n openshift-ingress-operator --type=json -p '[{"op": "remove", "path": "/spec/defaultCertificate"}]'`);
    expect(await s.out(`kubectl get deployment router-default -n openshift-ingress -o jsonpath='{.spec.template.spec.volumes[?(@.name=="default-certificate")].secret.secretName}'`)).toBe('router-certs-default');
    expect(await s.out('kubectl get secret router-certs-default -n openshift-ingress -o jsonpath={.type}')).toBe('kubernetes.io/tls');
    const pods = await routerPods(s);
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.endsWith('=true'))).toBe(true);
    expect(await code(s, host)).toBe('200');
    const ips = words(await s.out(`kubectl get pods -n openshift-ingress -o jsonpath='{.items[*].status.podIP}'`));
    expect(words(await s.out(`kubectl get endpoints router-default -n openshift-ingress -o jsonpath='{.subsets[*].addresses[*].ip}'`))).toEqual(ips);
    expect(ips).toContain((await apiIp(s, host)).your_address);
    expect(walk(s.world.changes!.current(), 'ingress').stopped).toBeUndefined();
    expect(await s.out(`kubectl get deployment router-default -n openshift-ingress -o jsonpath='{.status.readyReplicas}/{.spec.replicas}'`)).toBe('2/2');
    // The crashed routers' logs went with them; the new ones log a clean start.
    expect(await s.out(`oc logs ${pods[0].replace(/=true$/, '')} -n openshift-ingress`)).not.toContain('error reloading router');
  });
});

// A route whose TLS says `insecureEdgeTerminationPolicy: Redirect` (the console's) answers plain
// HTTP with the router's 302 to the same host and path over https, and curl -L follows it there;
// the policy is read from the route, so a route that allows plain HTTP is served over it.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const redirecting = (lab: LabFile) => lab.kube.filter((o) => o.kind === 'Route' && (o.spec as Obj | undefined)?.tls?.insecureEdgeTerminationPolicy === 'Redirect');

describe.each(builtInLabs())('routes that redirect plain HTTP on %s', (name) => {
  const lab = builtInLab(name);
  const [route] = redirecting(lab);
  const host = route ? ((route.spec as Obj).host as string) : '';

  it("has such a route: the console's", () => {
    expect(route?.metadata).toMatchObject({ namespace: 'openshift-console', name: 'console' });
  });

  it("answers http with a 302 to the same path over https, and -L follows it to the router's certificate", async () => {
    const s = new Session(createFixtureWorld(lab));
    const head = await s.run(`curl -sI 'http://${host}/dashboards?tab=1'`);
    expect(head.stdout).toBe(`HTTP/1.1 302 Found\r\ncontent-length: 0\r\nlocation: https://${host}/dashboards?tab=1\r\ncache-control: no-cache\r\n\r\n`);
    const followed = await s.run(`curl -sS -L -o /dev/null -w '%{http_code} %{num_redirects} %{url_effective}' http://${host}/`);
    // The router's default certificate is not trusted without -k.
    expect(followed.status).toBe(60);
    expect(followed.stdout).toBe(`302 1 https://${host}/`);
    const insecure = await s.run(`curl -s -k -L -o /dev/null -w '%{num_redirects} %{url_effective}' http://${host}/`);
    expect(insecure).toMatchObject({ status: 0, stdout: `1 https://${host}/` });
  });

  it('serves plain HTTP when the route allows it instead', async () => {
    const copy = structuredClone(lab);
    const allowed = copy.kube.find((o: KubeObject) => o.kind === 'Route' && o.metadata.name === route!.metadata.name && o.metadata.namespace === route!.metadata.namespace)!;
    (allowed.spec as Obj).tls.insecureEdgeTerminationPolicy = 'Allow';
    const s = new Session(createFixtureWorld(copy));
    expect((await s.run(`curl -s -o /dev/null -w '%{http_code}' http://${host}/`)).stdout).not.toBe('302');
  });
});

// After each change the reader makes to the cluster's objects, the facts different commands show
// still agree: the app's your_address is a router pod's address (and follows a deleted router pod),
// endpoints are the ready pods a selector picks, the router follows routes created and deleted,
// cluster DNS follows services, a NetworkPolicy that selects the SQL pod fails the app's SQL call
// as the app fails it and the packet walk stops where it does, until the policy goes.
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/engine/walk/walk.ts';
import { apiIp, appHost, labSession, words, type LabSession } from './lab-session.ts';
import type { JsonObject } from '../../src/engine/world/types.ts';

const LABS = ['aro2', 'aro-today'];

/** The addresses of the router pods, as kubectl lists them. */
const routerPodIps = async (s: LabSession) => words(await s.out(`kubectl get pods -n openshift-ingress -o jsonpath='{.items[*].status.podIP}'`));

/** The addresses the router service's endpoints hold, as kubectl lists them. */
const routerEndpointIps = async (s: LabSession) => words(await s.out(`kubectl get endpoints router-default -n openshift-ingress -o jsonpath='{.subsets[*].addresses[*].ip}'`));

describe.each(LABS)('on %s', (name) => {
  it("your_address is a router pod's address, and after that router pod is deleted, another's", async () => {
    const s = labSession(name);
    const host = appHost(s.lab);
    const before = await apiIp(s, host);
    const routers = await routerPodIps(s);
    expect(routers).toContain(before.your_address);
    expect(await routerEndpointIps(s)).toEqual(routers);
    const pod = (await s.out(`kubectl get pods -n openshift-ingress -o jsonpath='{range .items[?(@.status.podIP=="${before.your_address}")]}{.metadata.name}{end}'`)).trim();
    await s.write({ method: 'DELETE', path: `/api/v1/namespaces/openshift-ingress/pods/${pod}` });
    expect(await s.out('kubectl get pods -n openshift-ingress -o name')).not.toContain(`pod/${pod}\n`);
    const after = await apiIp(s, host);
    const now = await routerPodIps(s);
    expect(now).toContain(after.your_address);
    expect(after.your_address).not.toBe(before.your_address);
    // Endpoints follow the pods; the walk's router hop is the pod curl went through.
    expect(await routerEndpointIps(s)).toEqual(now);
    const hops = walk(s.world.changes!.current(), 'ingress').hops;
    expect(hops.some((h) => h.dst.startsWith(`${after.your_address}:`))).toBe(true);
  });

  it('the router answers a route once it is created, and gives its 503 page once it is deleted', async () => {
    const s = labSession(name);
    const model = s.model();
    const route = model.routes().find((r) => !String(r.metadata.namespace).startsWith('openshift-'))!;
    const namespace = route.metadata.namespace!;
    const service = route.spec!.to!.name;
    const host = `second-${namespace}.${model.appsDomain()}`;
    // The route's host resolves to the router's address before and after: the apps wildcard.
    const routerIp = model.routerIp();
    expect(words(await s.out(`dig +short ${host}`))).toEqual([routerIp]);
    expect(await s.out(`curl -s -o /dev/null -w '%{http_code}' http://${host}/api/healthcheck`)).toBe('503');
    const body = { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'second' }, spec: { host, to: { kind: 'Service', name: service } } };
    await s.write({ method: 'POST', path: `/apis/route.openshift.io/v1/namespaces/${namespace}/routes`, body });
    expect(JSON.parse(await s.out(`curl -s http://${host}/api/healthcheck`))).toEqual({ health: 'OK' });
    const ip = await apiIp(s, host);
    expect(ip.path_accessed).toBe(`${host}/api/ip`);
    expect(await routerPodIps(s)).toContain(ip.your_address);
    await s.write({ method: 'DELETE', path: `/apis/route.openshift.io/v1/namespaces/${namespace}/routes/second` });
    const gone = await s.out(`curl -s -w '%{http_code}' http://${host}/api/healthcheck`);
    expect(gone).toMatch(/<h1>Application is not available<\/h1>[\s\S]*503$/);
  });

  it("cluster DNS answers a service's name once it is created, with its ClusterIP, and no more once it is deleted", async () => {
    const s = labSession(name);
    const host = appHost(s.lab);
    const namespace = s.model().routeForHost(host)!.metadata.namespace!;
    const ask = async () => JSON.parse(await s.out(`curl -s "http://${host}/api/dns?fqdn=cache.${namespace}.svc.cluster.local"`));
    expect((await ask()).ip).toBe(false);
    const body = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cache' }, spec: { selector: { app: 'cache' }, ports: [{ port: 6379 }] } };
    await s.write({ method: 'POST', path: `/api/v1/namespaces/${namespace}/services`, body });
    const clusterIp = (await s.out(`kubectl get svc cache -n ${namespace} -o jsonpath='{.spec.clusterIP}'`)).trim();
    expect(clusterIp).toMatch(/^172\.30\.\d+\.\d+$/);
    expect((await ask()).ip).toBe(clusterIp);
    await s.write({ method: 'DELETE', path: `/api/v1/namespaces/${namespace}/services/cache` });
    expect((await ask()).ip).toBe(false);
  });
});

describe('a NetworkPolicy between the app and SQL Server (aro2)', () => {
  const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  const sqlOutput = async (s: LabSession) => JSON.parse(await s.out(`curl -s http://${host}/api/sqlversion`)).sql_output as string;
  const policy = (from: JsonObject[]) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'sql-ingress' },
    spec: { podSelector: { matchLabels: { deploymentconfig: 'server' } }, policyTypes: ['Ingress'], ingress: [{ from, ports: [{ protocol: 'TCP', port: 1433 }] }] },
  });
  const path = '/apis/networking.k8s.io/v1/namespaces/project1/networkpolicies';

  it("that admits only another app fails the app's SQL call as the app fails it, and the walk stops at the policy, until the policy goes", async () => {
    const s = labSession('aro2');
    expect(await sqlOutput(s)).toMatch(/^Microsoft SQL Server 2019/);
    await s.write({ method: 'POST', path, body: policy([{ podSelector: { matchLabels: { app: 'reports' } } }]) });
    expect(await sqlOutput(s)).toBe('Connection to server server.project1.svc.cluster.local failed, you might have to update the firewall rules or check your credentials?');
    const stopped = walk(s.world.changes!.current(), 'sql').stopped;
    expect(stopped?.why).toContain('sql-ingress');
    await s.write({ method: 'DELETE', path: `${path}/sql-ingress` });
    expect(await sqlOutput(s)).toMatch(/^Microsoft SQL Server 2019/);
    expect(walk(s.world.changes!.current(), 'sql').stopped).toBeUndefined();
    // The app's log keeps the call that failed while the policy stood, and the two that answered.
    const pod = s.model().routeBackend(s.model().routeForHost(host)!)!.metadata.name;
    const log = await s.out(`oc logs ${pod} --tail=40`);
    expect(log.match(/ERROR in sql_api: .*Login timeout expired/g)).toHaveLength(1);
    expect(log.match(/Query "SELECT @@VERSION" has returned 1 rows/g)).toHaveLength(2);
  });

  it('that selects the app for egress is not enforced: OpenShift SDN enforces no egress policy', async () => {
    const s = labSession('aro2');
    await s.write({ method: 'POST', path, body: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'app-egress' }, spec: { podSelector: { matchLabels: { deploymentconfig: 'sqlapi' } }, policyTypes: ['Egress'] } } });
    expect(await sqlOutput(s)).toMatch(/^Microsoft SQL Server 2019/);
    expect(walk(s.world.changes!.current(), 'sql').stopped).toBeUndefined();
  });

  it('that admits the API pods lets the app through', async () => {
    const s = labSession('aro2');
    await s.write({ method: 'POST', path, body: policy([{ podSelector: { matchLabels: { deploymentconfig: 'sqlapi' } } }]) });
    expect(await sqlOutput(s)).toMatch(/^Microsoft SQL Server 2019/);
    expect(walk(s.world.changes!.current(), 'sql').stopped).toBeUndefined();
  });
});

describe('NetworkPolicies between the app and SQL Server (aro-today, whose namespaces carry kubernetes.io/metadata.name)', () => {
  const host = 'sqlapi-shop.apps.x7k2p9qa.westeurope.aroapp.io';
  const path = '/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies';
  // The app's answer (a 504 page when it never answers) names SQL Server's version.
  const answered = async (s: LabSession) => /"sql_output": "Microsoft SQL Server/.test(await s.out(`curl -s http://${host}/api/sqlversion`));
  const apply = async (spec: JsonObject) => {
    const s = labSession('aro-today');
    await s.write({ method: 'POST', path, body: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'sql' }, spec } });
    return s;
  };
  const toSql = { podSelector: { matchLabels: { deployment: 'server' } }, policyTypes: ['Ingress'] };

  it("admit the app through a namespaceSelector on the namespace's own name label, and not through another namespace's", async () => {
    expect(await answered(await apply({ ...toSql, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }] }] }))).toBe(true);
    expect(await answered(await apply({ ...toSql, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-ingress' } } }] }] }))).toBe(false);
  });

  it('read matchExpressions and the port as a number or a range', async () => {
    expect(await answered(await apply({ ...toSql, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'deployment', operator: 'In', values: ['sqlapi', 'reports'] }] } }], ports: [{ port: 1400, endPort: 1450 }] }] }))).toBe(true);
    expect(await answered(await apply({ ...toSql, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'deployment', operator: 'NotIn', values: ['sqlapi'] }] } }] }] }))).toBe(false);
    expect(await answered(await apply({ ...toSql, ingress: [{ ports: [{ port: 1434 }] }] }))).toBe(false);
  });

  it("deny the app's own egress to SQL Server when a policy selects it for Egress, and the walk says which", async () => {
    const dns = { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } } }], ports: [{ protocol: 'UDP', port: 5353 }] };
    const s = await apply({ podSelector: { matchLabels: { deployment: 'sqlapi' } }, egress: [{ to: [{ podSelector: { matchLabels: { deployment: 'cache' } } }] }, dns] });
    expect(await answered(s)).toBe(false);
    const stopped = walk(s.world.changes!.current(), 'sql');
    expect(stopped.stopped?.why).toMatch(/^The NetworkPolicy sql in shop selects sqlapi-\S+ for egress and admits no traffic to port 1433 of server-\S+: the packet is dropped on the app pod's own node/);
    expect(stopped.hops.at(-1)?.change).toMatch(/^DNAT .*; dropped by NetworkPolicy sql$/);
  });

  it("that select the app for egress keep it from cluster DNS unless they admit the DNS pods' own port, 5353, not the service's 53", async () => {
    const toSqlOnly = { to: [{ podSelector: { matchLabels: { deployment: 'server' } } }], ports: [{ port: 1433 }] };
    const dns = (port: number) => ({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } } }], ports: [{ protocol: 'UDP', port }] });
    const status = async (s: LabSession, path: string) => s.out(`curl -s -o /dev/null -w '%{http_code} %{time_total}' http://${host}${path}`);
    // SQL Server admitted, DNS not: every endpoint that looks a name up waits past the router's 30 s.
    const blind = await apply({ podSelector: { matchLabels: { deployment: 'sqlapi' } }, egress: [toSqlOnly] });
    expect(await status(blind, '/api/sqlversion')).toMatch(/^504 30\./);
    expect(await status(blind, '/api/dns?fqdn=server')).toMatch(/^504 30\./);
    expect(await status(blind, '/api/healthcheck')).toMatch(/^200 /);
    expect(await status(await apply({ podSelector: { matchLabels: { deployment: 'sqlapi' } }, egress: [toSqlOnly, dns(53)] }), '/api/sqlversion')).toMatch(/^504 /);
    expect(await answered(await apply({ podSelector: { matchLabels: { deployment: 'sqlapi' } }, egress: [toSqlOnly, dns(5353)] }))).toBe(true);
    expect(walk(blind.world.changes!.current(), 'sql').stopped?.why).toMatch(/^The NetworkPolicy sql in shop selects sqlapi-\S+ for egress and admits no query to the cluster's DNS pods/);
  });
});

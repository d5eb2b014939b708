// Live mode when Azure or the cluster misbehave: each fault prints a clear message in the tool's
// voice (never a stack trace), exits non-zero, and the next line of the session works again.
import net from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { createLiveWorld } from '../../src/node/live/world.ts';
import { liveConfig } from '../../src/node/live/config.ts';

const LB_LIST = 'az network lb list -g aro2-resources -o table';
const PODS = 'kubectl get pods';

describe('live mode faults', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.faults.splice(0);
  });

  /** A fresh session (nothing cached) that runs `line` under the fault, then LB_LIST and PODS without it. */
  async function underFault(line: string, extraEnv: Record<string, string> = {}) {
    const world = await liveWorldOn(fake, lab, { ARO_LABS_TIMEOUT: '0.5', ...extraEnv });
    const session = new Session(world, { now: () => new Date(lab.info.clock) });
    const result = await session.run(line);
    fake.faults.splice(0);
    fake.appHangs.clear();
    await world.refresh?.();
    const after = [await session.run(LB_LIST), await session.run(PODS)];
    expect(result.stderr).not.toMatch(/\n\s+at |internal error|TypeError|undefined/);
    return { result, after };
  }

  const recovers = (after: Array<{ status: number }>) => expect(after.map((r) => r.status)).toEqual([0, 0]);

  it('ARM 401: az prints ARM\'s authentication error', async () => {
    const { result, after } = await underFault(LB_LIST, { ARO_LABS_ARM_TOKEN: 'not-the-token' });
    expect(result.stderr).toBe('ERROR: (InvalidAuthenticationToken) The access token is invalid.\nCode: InvalidAuthenticationToken\nMessage: The access token is invalid.\n');
    expect(result.status).toBe(1);
    expect(after[1].status).toBe(0); // the cluster still answers; ARM keeps refusing that token
  });

  it('no credentials at all: az asks to log in', async () => {
    const credential = { getToken: async () => { throw Object.assign(new Error('DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials: …'), { name: 'CredentialUnavailableError' }); } };
    const env = fake.env();
    const world = await createLiveWorld({ cluster: 'aro2', group: 'aro2', config: liveConfig({ ...env, ARO_LABS_ARM_TOKEN: '' }), kubeConfig: fake.kubeConfig(), credential });
    const result = await new Session(world).run(LB_LIST);
    expect(result.stderr).toBe("ERROR: DefaultAzureCredential failed to retrieve a token from the included credentials.\nPlease run 'az login' to setup account.\n");
    expect(result.status).toBe(1);
  });

  it('ARM 403: az prints the authorization failure', async () => {
    const message = "The client 'reader@example.com' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action 'Microsoft.Network/loadBalancers/read' over scope '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources' or the scope is invalid. If access was recently granted, please refresh your credentials.";
    fake.faults.push({ api: 'arm', match: '/loadBalancers', status: 403, body: { error: { code: 'AuthorizationFailed', message } } });
    const { result, after } = await underFault(LB_LIST);
    expect(result.stderr).toBe(`ERROR: (AuthorizationFailed) ${message}\nCode: AuthorizationFailed\nMessage: ${message}\n`);
    expect(result.status).toBe(1);
    recovers(after);
  });

  it('ARM 404: az prints the resource group not found, exit 3', async () => {
    const { result, after } = await underFault('az network lb list -g no-such-group -o table');
    expect(result.stderr).toMatch(/^ERROR: \(ResourceGroupNotFound\) Resource group 'no-such-group' could not be found\.\nCode: ResourceGroupNotFound\n/);
    expect(result.status).toBe(3);
    recovers(after);
  });

  it('ARM 429 once: the SDK waits for Retry-After and the command succeeds', async () => {
    fake.faults.push({ api: 'arm', match: '/loadBalancers', status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, times: 1 });
    const started = Date.now();
    const { result } = await underFault(LB_LIST);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('aro2-p8bjm-public-lb');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('ARM 429 that persists: az says throttled and when to retry', async () => {
    fake.faults.push({ api: 'arm', match: '/loadBalancers', status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } });
    const { result, after } = await underFault(LB_LIST);
    expect(result.stderr).toBe('ERROR: (TooManyRequests) Too many requests. Azure asked to retry after 1 seconds; try again then.\nCode: TooManyRequests\nMessage: Too many requests. Azure asked to retry after 1 seconds; try again then.\n');
    expect(result.status).toBe(1);
    recovers(after);
  }, 20_000);

  it('ARM 500: az prints the server error after retrying', async () => {
    fake.faults.push({ api: 'arm', match: '/loadBalancers', status: 500, body: { error: { code: 'InternalServerError', message: 'Encountered internal server error. Diagnostic information: timestamp 20200529T160000Z.' } } });
    const { result, after } = await underFault(LB_LIST);
    expect(result.stderr).toMatch(/^ERROR: \(InternalServerError\) Encountered internal server error\./);
    expect(result.status).toBe(1);
    expect(fake.requests.arm.filter((r) => r.includes('/loadBalancers')).length).toBeGreaterThanOrEqual(3);
    recovers(after);
  });

  it('ARM timeout: az says ARM did not answer in time', async () => {
    fake.faults.push({ api: 'arm', match: '/loadBalancers', hang: true });
    const { result, after } = await underFault(LB_LIST);
    expect(result.stderr).toBe(`ERROR: Azure Resource Manager (${fake.armUrl}) did not answer in time: no answer within 0.5 s\n`);
    expect(result.status).toBe(1);
    recovers(after);
  }, 20_000);

  it('ARM malformed JSON: az says what came back', async () => {
    fake.faults.push({ api: 'arm', match: '/loadBalancers', status: 200, raw: '<html>gateway</html>' });
    const { result, after } = await underFault(LB_LIST);
    expect(result.stderr).toBe(`ERROR: Azure Resource Manager (${fake.armUrl}) answered with something that is not JSON: HTTP 200, 20 bytes starting "<html>gateway</html>"\n`);
    expect(result.status).toBe(1);
    recovers(after);
  });

  it('Kubernetes 401: kubectl asks to log in', async () => {
    fake.faults.push({ api: 'kube', match: '/pods', status: 401, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 } });
    const { result, after } = await underFault(PODS);
    expect(result.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    expect(result.status).toBe(1);
    recovers(after);
  });

  it('Kubernetes 403: kubectl prints the API server\'s Forbidden', async () => {
    const message = 'pods is forbidden: User "developer" cannot list resource "pods" in API group "" in the namespace "project1"';
    fake.faults.push({ api: 'kube', match: '/pods', status: 403, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'Forbidden', code: 403 } });
    const { result, after } = await underFault(PODS);
    expect(result.stderr).toBe(`Error from server (Forbidden): ${message}\n`);
    recovers(after);
  });

  it('Kubernetes 500 and malformed JSON: kubectl reports them', async () => {
    fake.faults.push({ api: 'kube', match: '/pods', status: 500, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'etcdserver: request timed out', reason: 'InternalError', code: 500 } });
    let { result, after } = await underFault(PODS);
    expect(result.stderr).toBe('Error from server (InternalError): etcdserver: request timed out\n');
    recovers(after);
    fake.faults.push({ api: 'kube', match: '/pods', status: 200, raw: 'not json' });
    ({ result, after } = await underFault(PODS));
    expect(result.stderr).toBe(`error: the server ${new URL(fake.kubeUrl).host} answered with something that is not JSON: HTTP 200, 8 bytes starting "not json"\n`);
    recovers(after);
  });

  it('Kubernetes timeout: kubectl cannot connect', async () => {
    fake.faults.push({ api: 'kube', match: '/pods', hang: true });
    const { result, after } = await underFault(PODS);
    expect(result.stderr).toBe(`Unable to connect to the server: dial tcp ${new URL(fake.kubeUrl).host}: i/o timeout\n`);
    expect(result.status).toBe(1);
    recovers(after);
  });

  it('API server down: kubectl says the connection was refused, az still works', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'down', server: `http://127.0.0.1:${closed}`, skipTLSVerify: true }],
      users: [{ name: 'u', token: 'sha256~x' }],
      contexts: [{ name: 'c', cluster: 'down', user: 'u' }],
      currentContext: 'c',
    });
    const world = await createLiveWorld({ cluster: 'aro2', group: 'aro2', config: fake.config(), kubeConfig: kc });
    const session = new Session(world);
    const pods = await session.run(PODS);
    expect(pods).toMatchObject({ status: 1, stderr: `The connection to the server 127.0.0.1:${closed} was refused - did you specify the right host or port?\n` });
    expect((await session.run(LB_LIST)).status).toBe(0);
  });

  it('app route hanging: curl times out with its own exit code', async () => {
    fake.appHangs.add('/api/ip');
    const { result, after } = await underFault('curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip; echo "exit $?"');
    expect(result.stdout).toBe('exit 28\n');
    recovers(after);
  });

  it('app route hanging with curl -m: connected, then the operation times out at the limit', async () => {
    fake.appHangs.add('/api/ip');
    const { result, after } = await underFault('curl -sS -m 1 http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip');
    expect(result).toMatchObject({ status: 28, stderr: 'curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received\n' });
    recovers(after);
  });
});

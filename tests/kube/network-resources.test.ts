// The objects of today's clusters that kubectl/oc name: the cluster's network configuration
// (networks.config.openshift.io, `network.config` by group prefix), the ARO operator's
// clusters.aro.openshift.io, EndpointSlices, and the deprecation warning a 1.33+ API server sends
// with every v1 Endpoints request. Expected texts were printed by the real kubectl v1.32 against
// tests/conformance/kube-api-server.ts serving the same objects.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { resolveResource } from '../../src/engine/world/kube-resources.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { labInfo } from './fake-world.ts';

const T = '2020-04-28T16:00:00Z';

function lab(kubeletVersion: string, extra: KubeObject[] = []): LabFile {
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'm0', creationTimestamp: T, labels: { 'node-role.kubernetes.io/master': '' } },
    status: { nodeInfo: { kubeletVersion } },
  };
  const endpoints: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'server', namespace: 'project1', creationTimestamp: T },
    subsets: [{ addresses: [{ ip: '10.128.2.5' }], ports: [{ port: 1433, protocol: 'TCP' }] }],
  };
  const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'project1', creationTimestamp: T }, status: { phase: 'Active' } };
  return { formatVersion: 1, info: labInfo(), arm: [], kube: [namespace, node, endpoints, ...extra] };
}

const network = (networkType: string): KubeObject => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'Network',
  metadata: { name: 'cluster', creationTimestamp: T },
  spec: { networkType, clusterNetwork: [{ cidr: '10.128.0.0/14', hostPrefix: 23 }], serviceNetwork: ['172.30.0.0/16'] },
});
const aroCluster: KubeObject = {
  apiVersion: 'aro.openshift.io/v1alpha1',
  kind: 'Cluster',
  metadata: { name: 'cluster', creationTimestamp: T },
  spec: { gatewayDomains: ['management.azure.com', 'login.microsoftonline.com'], gatewayPrivateEndpointIP: '10.0.0.9' },
};
const slice = (name: string, addresses: string[]): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name, namespace: 'project1', creationTimestamp: T, labels: { 'kubernetes.io/service-name': name.replace(/-[a-z0-9]{5}$/, '') } },
  addressType: 'IPv4',
  endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })),
  ports: [{ name: '', port: 1433, protocol: 'TCP' }],
});

const run = async (l: LabFile, line: string) => {
  const s = new Session(createFixtureWorld(l), { tty: false });
  const { status, stdout, stderr } = await s.run(line);
  return { status, stdout, stderr };
};

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

describe('the cluster network configuration', () => {
  it('resolves network.config by group prefix, as kubectl does, and answers the network type', async () => {
    for (const type of ['OVNKubernetes', 'OpenShiftSDN']) {
      const l = lab('v1.32.9', [network(type)]);
      expect(await run(l, "oc get network.config cluster -o jsonpath='{.spec.networkType}'")).toEqual({ status: 0, stdout: type, stderr: '' });
    }
    const res = resolveResource('network.config');
    expect(res.ok && `${res.resource.plural}.${res.resource.group}`).toBe('networks.config.openshift.io');
  });

  it('prints the cluster-scoped object as the server prints a CRD without printer columns (NAME AGE)', async () => {
    expect(await run(lab('v1.32.9', [network('OVNKubernetes')]), 'oc get network.config cluster')).toEqual({ status: 0, stdout: 'NAME      AGE\ncluster   31d\n', stderr: '' });
  });

  it("says NotFound in the server's words when the lab has no such object", async () => {
    expect(await run(lab('v1.16.2'), 'oc get network.config cluster')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): networks.config.openshift.io "cluster" not found\n',
    });
    expect((await run(lab('v1.16.2'), 'oc get network.openshift cluster')).stderr).toBe('error: the server doesn\'t have a resource type "network"\n');
  });

  it("reads the ARO operator's cluster object and its gateway domains", async () => {
    const l = lab('v1.32.9', [aroCluster]);
    expect(await run(l, "oc get cluster.aro.openshift.io cluster -o jsonpath='{.spec.gatewayDomains}'")).toEqual({
      status: 0,
      stdout: '["management.azure.com","login.microsoftonline.com"]',
      stderr: '',
    });
    expect((await run(l, 'oc get cluster.aro.openshift.io cluster')).stdout).toBe('NAME      AGE\ncluster   31d\n');
  });
});

describe('Endpoints and EndpointSlices', () => {
  it('warns on stderr about v1 Endpoints when the server is 1.33 or later, once per command', async () => {
    expect(await run(lab('v1.33.4'), 'kubectl get endpoints')).toEqual({ status: 0, stdout: 'NAME     ENDPOINTS         AGE\nserver   10.128.2.5:1433   31d\n', stderr: WARNING });
    expect((await run(lab('v1.33.4'), 'kubectl get ep server nope')).stderr).toBe(`${WARNING}Error from server (NotFound): endpoints "nope" not found\n`);
  });

  it('sends no warning from an older server', async () => {
    expect((await run(lab('v1.32.9'), 'kubectl get endpoints')).stderr).toBe('');
    expect((await run(lab('v1.16.2'), 'kubectl get endpoints')).stderr).toBe('');
  });

  it('prints EndpointSlices as the server does: NAME ADDRESSTYPE PORTS ENDPOINTS AGE, three addresses then "+ N more..."', async () => {
    const l = lab('v1.33.4', [slice('server-7vzhx', ['10.128.2.5']), slice('big-jcv8s', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])]);
    expect(await run(l, 'kubectl get endpointslices')).toEqual({
      status: 0,
      stdout:
        'NAME           ADDRESSTYPE   PORTS   ENDPOINTS                                AGE\n' +
        'big-jcv8s      IPv4          1433    10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...   31d\n' +
        'server-7vzhx   IPv4          1433    10.128.2.5                               31d\n',
      stderr: '',
    });
    expect((await run(l, 'kubectl get endpointslices -l kubernetes.io/service-name=server')).stdout).toBe(
      'NAME           ADDRESSTYPE   PORTS   ENDPOINTS    AGE\nserver-7vzhx   IPv4          1433    10.128.2.5   31d\n',
    );
  });
});

// No secret reaches the reader's screen in live mode: the pull secret, Secret data, credentials in
// the ARO resource, secret-looking environment variables, and the session's own tokens, wherever
// they would appear, including as plain text in an app's answer.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { Redactor, REDACTED } from '../../src/node/live/redact.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { KUBE_TOKEN, liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';

const PULL = JSON.stringify({ auths: { 'cloud.openshift.com': { auth: 'b3BlbnNoaWZ0LXJlbGVhc2UtZGV2K3JlYWRlcjpQVUxMU0VDUkVU', email: 'reader@example.com' } } });
const CLIENT_SECRET = 'sp-client-secret-0123456789';

/** aro2 with the secrets a real cluster has: the pull secret, an ARO resource that names its credentials. */
function withSecrets(lab: LabFile): LabFile {
  const copy = structuredClone(lab);
  const aro = copy.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters')!;
  aro.properties!.clusterProfile = { ...(aro.properties!.clusterProfile as object), pullSecret: PULL };
  aro.properties!.servicePrincipalProfile = { clientId: '11111111-2222-3333-4444-555555555555', clientSecret: CLIENT_SECRET };
  copy.kube.push(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openshift-config' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pull-secret', namespace: 'openshift-config' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(PULL).toString('base64') } } as never,
  );
  return copy;
}

describe('secrets in live mode', async () => {
  const lab = withSecrets(await loadLab({ name: 'aro2' }));
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());

  it('shows the pull secret and Secret data as <redacted>, and never their values', async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const yaml = await session.run('kubectl get secret pull-secret -n openshift-config -o yaml');
    expect(yaml.status).toBe(0);
    expect(yaml.stdout).toContain(`.dockerconfigjson: ${REDACTED}`);
    const aro = await session.run('az aro show -n aro2 -g aro2 -o json');
    expect(aro.status).toBe(0);
    expect(aro.stdout).toContain(`"pullSecret": "${REDACTED}"`);
    expect(aro.stdout).toContain(`"clientSecret": "${REDACTED}"`);
    const all = yaml.stdout + aro.stdout + (await session.run('az aro show -n aro2 -g aro2 --query servicePrincipalProfile -o tsv')).stdout;
    for (const secret of [PULL, Buffer.from(PULL).toString('base64'), CLIENT_SECRET, 'b3BlbnNoaWZ0LXJlbGVhc2UtZGV2K3JlYWRlcjpQVUxMU0VDUkVU', KUBE_TOKEN]) expect(all).not.toContain(secret);
  });

  it('hides a secret-looking environment variable of the app, in the pod and in what the app prints', async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    const pod = await session.run("kubectl get pods -l deploymentconfig=sqlapi -o jsonpath='{.items[0].spec.containers[0].env[?(@.name==\"SQL_SERVER_PASSWORD\")].value}'");
    expect(pod.stdout).toBe(REDACTED);
    const env = await session.run('curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/printenv');
    expect(env.stdout).toContain(`"SQL_SERVER_PASSWORD": "${REDACTED}"`);
    expect(env.stdout).not.toContain('Lab-Passw0rd!');
  });

  it('replaces remembered secrets in plain text and leaves harmless keys alone', () => {
    const redactor = new Redactor(['token-abcdef-123']);
    expect(redactor.text('Authorization: Bearer token-abcdef-123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactor.json({ osProfile: { linuxConfiguration: { disablePasswordAuthentication: true }, secrets: [] }, secretName: 'router-certs', password: 'p4ssw0rd!!' })).toEqual({
      osProfile: { linuxConfiguration: { disablePasswordAuthentication: true }, secrets: [] },
      secretName: 'router-certs',
      password: REDACTED,
    });
    expect(redactor.text('the password was p4ssw0rd!!')).toBe(`the password was ${REDACTED}`);
  });
});

// Secrets of every shape planted in the fake cluster never reach the reader in live mode: a
// Secret (as the API server lists it, items without kind), a ConfigMap with settings files, pod
// environment variables, arguments and annotations, and ARM tags. Many reading lines, the app's
// own answers and `aro-labs snapshot` show none of them, nor their base64 or decoded forms,
// while the structure around each secret stays readable. Credentials kept as text are found by the
// same names as keys (a kubeconfig's client-key-data, a registry's auth, a gateway's key), and
// ConfigMap binaryData is decoded to be read.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { takeSnapshot, redactionNote } from '../../src/node/live/snapshot.ts';
import { REDACTED } from '../../src/node/live/redact.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { KUBE_TOKEN, liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { startFakeApp } from '../helpers/fake-network.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

const DB_PASSWORD = 'Db-Pl4nted-Pw!';
const URL_PASSWORD = 'Url-Pl4nted-9xq';
const DATABASE_URL = `postgres://admin:${URL_PASSWORD}@db.project1.svc:5432/app`;
const CONN_PASSWORD = 'Conn-Pl4nted-7zk';
const CONNECTION_STRING = `Server=tcp:sqlserver.database.windows.net,1433;Initial Catalog=app;User ID=sa;Password=${CONN_PASSWORD};Encrypt=True;`;
const ARG_PASSWORD = 'Arg-Pl4nted-5mn';
const FLAG_PASSWORD = 'Flag-Pl4nted-3vb';
const CMD_TOKEN = 'Cmd-Pl4nted-8ty';
const ANNOTATION_PASSWORD = 'Annot-Pl4nted-2wr';
const JWT = `${b64url('{"alg":"RS256","kid":"planted"}')}.${b64url('{"iss":"https://kubernetes.default.svc","sub":"system:serviceaccount:project1:sqlapi"}')}.${b64url('planted-signature-bytes-0123456789')}`;
const PEM_BODY = 'MIIEowIBAAKCAQEAplantedPl4ntedKeyMaterialThatMustNeverShow0123456789abcdef';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n${PEM_BODY.split('').reverse().join('')}\n-----END RSA PRIVATE KEY-----\n`;
const OC_TOKEN = `sha256~${'Pl4ntedOpenShiftToken_0123456789abcdefghijk'}`;
const TAG_PASSWORD = 'Tag-Pl4nted-4pl';
const TAG_CONNECTION = `Server=tcp:tagdb.database.windows.net,1433;Database=app;User ID=tagger;Password=${TAG_PASSWORD};`;
const ACCOUNT_KEY = b64('Storage-Pl4nted-Account-Key-0123456789');
const STORAGE_CONNECTION = `DefaultEndpointsProtocol=https;AccountName=planted;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const CM_JSON_PASSWORD = 'CmJson-Pl4nted-6hh';
const CM_YAML_PASSWORD = 'CmYaml-Pl4nted-1jj';

// Credentials kept as text, under the names a kubeconfig, a registry file, an .env file and an
// API gateway give them.
const KUBECONFIG_KEY = b64(`-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAkubeconfigPl4ntedKeyXq7w9\n-----END RSA PRIVATE KEY-----\n`);
const REGISTRY_AUTH = 'Registry-Pl4nted-Auth-6tt';
const BINARY_ENV_PASSWORD = 'BinaryEnv-Pl4nted-0kk';
const APIM_KEY = 'Apim-Pl4nted-Subscription-2qq';
// A Secret made with `echo value | base64`: its data ends in a newline the app never prints; and
// one with characters JSON encoders escape.
const NEWLINE_KEY = 'Newline-Pl4nted-Key-5ww';
const ESCAPED_PASSWORD = 'Pl4nt&Pw<amp>9x+/';

const CA_CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIDMjCCAhqgAwIBAgIIPublicCertificateOfTheCluster\n-----END CERTIFICATE-----\n';

const PLANTED = [
  DB_PASSWORD, URL_PASSWORD, DATABASE_URL, CONN_PASSWORD, CONNECTION_STRING, ARG_PASSWORD, FLAG_PASSWORD, CMD_TOKEN, ANNOTATION_PASSWORD,
  JWT, PEM, PEM_BODY, OC_TOKEN, TAG_PASSWORD, TAG_CONNECTION, ACCOUNT_KEY, STORAGE_CONNECTION, CM_JSON_PASSWORD, CM_YAML_PASSWORD,
  KUBECONFIG_KEY, REGISTRY_AUTH, BINARY_ENV_PASSWORD, APIM_KEY, NEWLINE_KEY, ESCAPED_PASSWORD,
];
/** Every planted value as it could leak: as is, base64 (a Secret's data), and base64 of base64. */
const FORBIDDEN = PLANTED.flatMap((s) => [s, b64(s), b64(b64(s))]);

const dbSecret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-credentials', namespace: 'project1', annotations: {} as Record<string, string> },
  type: 'Opaque',
  data: { username: b64('app-user'), password: b64(DB_PASSWORD), url: b64(DATABASE_URL) },
};
// What `kubectl apply` leaves on a Secret: the whole object, data included, as JSON.
dbSecret.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] = `${JSON.stringify({ ...dbSecret, metadata: { name: 'db-credentials', namespace: 'project1' } })}\n`;

/** aro2 with secrets in every place a real cluster and subscription keep them. */
function withPlantedSecrets(lab: LabFile): LabFile {
  const copy = structuredClone(lab);
  copy.kube.push(
    dbSecret as unknown as KubeObject,
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-tls', namespace: 'project1' }, type: 'kubernetes.io/tls', data: { 'tls.crt': b64(CA_CERTIFICATE), 'tls.key': b64(PEM) } } as unknown as KubeObject,
    // Every namespace has the cluster's CA: a certificate is public and stays readable.
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'project1' }, data: { 'ca.crt': CA_CERTIFICATE } } as unknown as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-settings', namespace: 'project1' },
      data: {
        'appsettings.json': JSON.stringify({ Logging: { LogLevel: 'Information' }, Database: { Server: 'db', Password: CM_JSON_PASSWORD } }, null, 2),
        'application.yaml': `spring:\n  datasource:\n    url: jdbc:sqlserver://db:1433\n    username: app\n    password: ${CM_YAML_PASSWORD}\n`,
      },
    } as unknown as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'admin-kubeconfig', namespace: 'project1' },
      data: { kubeconfig: `apiVersion: v1\nusers:\n- name: admin\n  user:\n    client-certificate-data: ${b64(CA_CERTIFICATE)}\n    client-key-data: ${KUBECONFIG_KEY}\n` },
    } as unknown as KubeObject,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'registry', namespace: 'project1' }, data: { 'registries.yaml': `configs:\n  registry.example.com:\n    auth: ${REGISTRY_AUTH}\n` } } as unknown as KubeObject,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'envfile', namespace: 'project1' }, binaryData: { 'app.env': b64(`DB_PASSWORD=${BINARY_ENV_PASSWORD}\n`) } } as unknown as KubeObject,
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-credentials', namespace: 'project1' }, type: 'Opaque', data: { 'api-key': b64(`${NEWLINE_KEY}\n`), 'db-password': b64(ESCAPED_PASSWORD) } } as unknown as KubeObject,
  );
  for (const pod of copy.kube.filter((o) => o.kind === 'Pod' && o.metadata.labels?.deploymentconfig === 'sqlapi')) {
    const container = (pod.spec as { containers: Array<Record<string, unknown>> }).containers[0];
    container.env = [
      ...((container.env as unknown[]) ?? []),
      { name: 'DATABASE_URL', value: DATABASE_URL },
      { name: 'SQL_CONNECTION', value: CONNECTION_STRING },
      { name: 'SERVICE_JWT', value: JWT },
    ];
    container.command = ['sh', '-c', `exec sqlapi --api-token ${CMD_TOKEN}`];
    container.args = ['--db-password', ARG_PASSWORD, `--admin-password=${FLAG_PASSWORD}`, '--verbose'];
    pod.metadata.annotations = {
      ...pod.metadata.annotations,
      'example.com/database': JSON.stringify({ database: { user: 'app', password: ANNOTATION_PASSWORD } }),
      'example.com/bootstrap': PEM,
      'example.com/login': `oc login --token=${OC_TOKEN} --server=https://api.example.com:6443`,
    };
  }
  const lb = copy.arm.find((r) => r.id.endsWith('/loadBalancers/aro2-p8bjm-public-lb'))!;
  lb.tags = { ...lb.tags, 'db-connection': TAG_CONNECTION, storage: STORAGE_CONNECTION, apim: `Ocp-Apim-Subscription-Key: ${APIM_KEY}` };
  return copy;
}

const ROUTE = 'http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
const LB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm-public-lb';

const LINES = [
  'kubectl get secrets -A -o jsonpath={.items[*].data}',
  'kubectl get secrets -n project1 -o yaml',
  'kubectl get secrets -A -o json',
  "kubectl get secret db-credentials -n project1 -o jsonpath='{.data.password}'",
  "kubectl get secret db-credentials -n project1 -o jsonpath='{.metadata.annotations}'",
  'kubectl get secret db-credentials -n project1 -o yaml',
  'oc get secret app-tls -o json',
  'kubectl get secrets,configmaps -n project1 -o yaml',
  'kubectl get configmaps -A -o json',
  'kubectl get configmap app-settings -n project1 -o json',
  "kubectl get configmap app-settings -o jsonpath='{.data.application\\.yaml}'",
  'kubectl get pods -n project1 -o yaml',
  'kubectl get pods -A -o json',
  "kubectl get pods -l deploymentconfig=sqlapi -o jsonpath='{.items[*].spec.containers[*].env}'",
  "kubectl get pods -l deploymentconfig=sqlapi -o jsonpath='{.items[*].spec.containers[*].args} {.items[*].spec.containers[*].command} {.items[*].metadata.annotations}'",
  'kubectl get all -A -o json',
  'kubectl get pods -A -o wide --show-labels',
  `az resource list -g aro2-resources --query "[?id=='${LB}']" -o json`,
  'az resource list -g aro2-resources -o json',
  'az network lb show -g aro2-resources -n aro2-p8bjm-public-lb -o json',
  'az network lb list -g aro2-resources --query "[].tags" -o tsv',
  'az aro show -n aro2 -g aro2 -o json',
  'az network lb show -g aro2-resources -n aro2-p8bjm-public-lb --query tags -o tsv',
  'az network lb show -g aro2-resources -n aro2-p8bjm-public-lb --query tags -o yaml',
  'kubectl get cm admin-kubeconfig -n project1 -o yaml',
  "kubectl get cm admin-kubeconfig -n project1 -o json | jq -r '.data.kubeconfig | capture(\"client-key-data: (?<k>[^\\n]+)\").k'",
  'kubectl get cm registry -n project1 -o yaml',
  'kubectl get cm envfile -n project1 -o yaml',
  `kubectl get cm envfile -n project1 -o json | jq -r '.binaryData["app.env"]'`,
  `curl -s ${ROUTE}/api/printenv`,
  `curl -sv ${ROUTE}/api/printenv`,
];

describe('planted secrets in live mode', async () => {
  const lab = withPlantedSecrets(await loadLab({ name: 'aro2' }));
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());

  it(`shows none of ${PLANTED.length} planted secrets, nor their base64 forms, in ${LINES.length} reading lines`, async () => {
    const session = new Session(await liveWorldOn(fake, lab));
    let shown = '';
    for (const line of LINES) {
      const result = await session.run(line);
      // Every line succeeds; only curl -v writes to stderr (its trace).
      expect({ line, status: result.status, stderr: line.includes(' -sv ') ? '' : result.stderr }).toEqual({ line, status: 0, stderr: '' });
      shown += `${result.stdout}${result.stderr}`;
    }
    for (const secret of FORBIDDEN) expect(shown).not.toContain(secret);
    // The data the reader asked for is there, only the secret part of it is not (kubectl's JSON
    // writes < and > as \u003c and \u003e, as Go's encoder does).
    shown = shown.replace(/\\u003c/g, '<').replace(/\\u003e/g, '>');
    expect(shown).toContain('"username":"<redacted>"');
    expect(shown).toContain(`postgres://admin:${REDACTED}@db.project1.svc:5432/app`);
    expect(shown).toContain(`Initial Catalog=app;User ID=sa;Password=${REDACTED};Encrypt=True;`);
    expect(shown).toContain(`AccountName=planted;AccountKey=${REDACTED};EndpointSuffix=core.windows.net`);
    expect(shown).toContain(`"--db-password","${REDACTED}","--admin-password=${REDACTED}","--verbose"`);
    expect(shown).toContain(`exec sqlapi --api-token ${REDACTED}`);
    expect(shown).toContain(`oc login --token=${REDACTED} --server=https://api.example.com:6443`);
    expect(shown).toContain(`password: ${REDACTED}`);
    expect(shown).toContain('MIIDMjCCAhqgAwIBAgIIPublicCertificateOfTheCluster');
    expect(shown).toContain(`client-certificate-data: ${b64(CA_CERTIFICATE)}`);
    expect(shown).toContain(`client-key-data: ${REDACTED}`);
    expect(shown).toContain(`auth: ${REDACTED}`);
    expect(shown).toContain(`app.env: ${REDACTED}`);
    expect(shown).toContain(`apim: 'Ocp-Apim-Subscription-Key: ${REDACTED}'`);
  });

  it('hides a Secret\'s value in an app\'s answer that prints it without its trailing newline, or escaped as Go, .NET and PHP encoders write JSON', async () => {
    const goSpelling = ESCAPED_PASSWORD.replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
    const dotnetSpelling = ESCAPED_PASSWORD.replace(/&/g, '\\u0026').replace(/</g, '\\u003C').replace(/>/g, '\\u003E').replace(/\+/g, '\\u002B');
    const phpSpelling = ESCAPED_PASSWORD.replace(/\//g, '\\/');
    const json = (spelling: string) => ({ kind: 'answer' as const, headers: [['Content-Type', 'application/json']] as Array<[string, string]>, body: `{"dsn":"sqlserver://db?hint=${spelling}","ok":true}` });
    const app = await startFakeApp(lab, {
      '/err': { kind: 'answer', headers: [['Content-Type', 'application/json']], body: JSON.stringify({ error: `upstream rejected key ${NEWLINE_KEY}` }) },
      '/go': json(goSpelling),
      '/dotnet': json(dotnetSpelling),
      '/php': json(phpSpelling),
    });
    try {
      const route = ROUTE.replace(/^http:\/\//, '');
      const session = new Session(await liveWorldOn(fake, lab, { ARO_LABS_RESOLVE: `${route}:80:127.0.0.1:${app.port}` }));
      expect((await session.run('kubectl get secret api-credentials -n project1 -o yaml')).status).toBe(0);
      expect((await session.run(`curl -s ${ROUTE}/err`)).stdout).toBe(`{"error":"upstream rejected key ${REDACTED}"}`);
      for (const path of ['/go', '/dotnet', '/php']) {
        expect((await session.run(`curl -s ${ROUTE}${path}`)).stdout).toBe(`{"dsn":"sqlserver://db?hint=${REDACTED}","ok":true}`);
        expect((await session.run(`curl -s ${ROUTE}${path} | jq -r .dsn`)).stdout).toBe(`sqlserver://db?hint=${REDACTED}\n`);
      }
    } finally {
      await app.close();
    }
  });

  it('lists Secrets as the API server does (items without kind), and shows every key of their data as <redacted>', async () => {
    const listed = await (await fetch(`${fake.kubeUrl}/api/v1/namespaces/project1/secrets`, { headers: { Authorization: `Bearer ${KUBE_TOKEN}` } })).json();
    expect(listed.kind).toBe('SecretList');
    const inProject = lab.kube.filter((o) => o.kind === 'Secret' && o.metadata.namespace === 'project1').length;
    expect(listed.items.map((item: Record<string, unknown>) => [item.kind, item.apiVersion])).toEqual(Array.from({ length: inProject }, () => [undefined, undefined]));
    const session = new Session(await liveWorldOn(fake, lab));
    const data = await session.run('kubectl get secrets -n project1 -o jsonpath={.items[*].data}');
    const maps = data.stdout.split(' ').map((part) => JSON.parse(part) as Record<string, string>);
    const planted = lab.kube.filter((o) => o.kind === 'Secret' && o.metadata.namespace === 'project1') as unknown as Array<{ data: Record<string, string> }>;
    const keySets = (maps: Array<Record<string, string>>) => maps.map((m) => Object.keys(m).sort().join(',')).sort();
    expect(keySets(maps)).toEqual(keySets(planted.map((s) => s.data)));
    expect(maps.flatMap((m) => Object.values(m)).every((v) => v === REDACTED)).toBe(true);
  });

  it('takes a snapshot with none of the planted secrets, and says what it redacted and how', async () => {
    const live = await liveWorldOn(fake, lab);
    const { lab: snap, redacted } = await takeSnapshot(live, { cluster: 'aro2', group: 'aro2' });
    const text = JSON.stringify(snap, null, 2);
    for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
    expect(redacted).toBe(text.split(REDACTED).length - 1);
    expect(redacted).toBeGreaterThan(0);
    const note = redactionNote(redacted);
    expect(note).toMatch(new RegExp(`^Secrets: ${redacted} values replaced by <redacted>\\. Secret data`));
    for (const kind of ['environment variables', 'scheme://user:<redacted>@host', 'Password=', '--*password', 'JWTs', 'PEM private keys']) expect(note).toContain(kind);
  });
});

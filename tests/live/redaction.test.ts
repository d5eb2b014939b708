// No secret reaches the reader's screen in live mode: the pull secret, Secret data, credentials in
// the ARO resource, secret-looking environment variables, and the session's own tokens, wherever
// they would appear, including as plain text in an app's answer. A Secret is known by what it is,
// not by a kind the API server leaves out of list items; values are read for credential shapes
// whatever key they sit under; the labs' ordinary data comes out untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { Redactor, REDACTED } from '../../src/node/live/redact.ts';
import { isSecretName } from '../../src/node/live/secret-names.ts';
import type { Json, KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { KUBE_TOKEN, liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { costlySync } from '../helpers/cost.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

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

  it('knows a Secret by what it is: a SecretList item, a List item shaped as a Secret, anything read from a secrets path', () => {
    const value = 'Listed-Secret-Value-1';
    const item = { metadata: { name: 'db', namespace: 'project1' }, type: 'Opaque', data: { password: b64(value) } };
    const secretList = new Redactor().json({ kind: 'SecretList', apiVersion: 'v1', metadata: { resourceVersion: '7' }, items: [item] });
    expect(secretList).toMatchObject({ items: [{ data: { password: REDACTED } }] });
    // kubectl get all / mixed lists: a kind-less item with a Secret's shape, beside a ConfigMap that keeps its data.
    const mixed = new Redactor().json({ kind: 'List', apiVersion: 'v1', items: [{ metadata: { name: 'cm' }, data: { mode: 'blue' } }, item] });
    expect(mixed).toMatchObject({ items: [{ data: { mode: 'blue' } }, { data: { password: REDACTED } }] });
    // The path says Secrets even when the body has no kind and no type at all.
    const bare = { metadata: { name: 'odd' }, data: { token: b64(value) } };
    for (const path of ['/api/v1/secrets', '/api/v1/namespaces/project1/secrets?labelSelector=a%3Db', '/api/v1/namespaces/project1/secrets/odd']) {
      const redactor = new Redactor();
      const body = path.endsWith('/odd') ? bare : { items: [bare] };
      expect(JSON.stringify(redactor.kube(path, body as unknown as Json))).not.toContain(b64(value));
      // Its value and decoded value are remembered: caught where they reappear as text.
      expect(redactor.text(`echo ${value} ${b64(value)}`)).toBe(`echo ${REDACTED} ${REDACTED}`);
    }
    // A Status from a secrets path is an error, not a Secret: its message stays.
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'secrets "x" not found', reason: 'NotFound', code: 404 };
    expect(new Redactor().kube('/api/v1/namespaces/project1/secrets/x', status)).toEqual(status);
  });

  it('replaces only the secret part of credential-shaped values, whatever key they sit under', () => {
    const cases: Array<[string, string]> = [
      ['postgres://admin:S3cret-pw@db/app', `postgres://admin:${REDACTED}@db/app`],
      ['redis://:p@ss-w0rd@cache:6379/0', `redis://:${REDACTED}@cache:6379/0`],
      ['Server=tcp:db;User ID=sa;Password=Sql-S3cret!;Encrypt=True;', `Server=tcp:db;User ID=sa;Password=${REDACTED};Encrypt=True;`],
      ['Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={a;b}}c};Port=1', `Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={${REDACTED}};Port=1`],
      ['AccountName=acct;AccountKey=QUJDREVGR0hJSktMTU5PUA==;EndpointSuffix=core.windows.net', `AccountName=acct;AccountKey=${REDACTED};EndpointSuffix=core.windows.net`],
      ['https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=abc%2Bdef%3D&se=2030', `https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=${REDACTED}&se=2030`],
      ['--db-password=hunter2-hunter2', `--db-password=${REDACTED}`],
      ['exec app --api-token t0ken-value --verbose', `exec app --api-token ${REDACTED} --verbose`],
      ['spring:\n  datasource:\n    password: yaml-s3cret\n    user: bob', `spring:\n  datasource:\n    password: ${REDACTED}\n    user: bob`],
      ['{"db": {"user": "app", "password": "json-s3cret"}}', `{"db": {"user": "app", "password": "${REDACTED}"}}`],
      ['Authorization: Bearer abcdefghijklmnop0123', `Authorization: Bearer ${REDACTED}`],
      ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', REDACTED],
      ['oc login --token=sha256~abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', `oc login --token=${REDACTED}`],
      ['-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n', `${REDACTED}\n`],
    ];
    for (const [value, shown] of cases) {
      const redactor = new Redactor();
      expect(redactor.json({ metadata: { annotations: { 'example.com/note': value } } })).toEqual({ metadata: { annotations: { 'example.com/note': shown } } });
    }
    // Words that only look secret-ish, and public material, stay as they are.
    const harmless = ['--token-ttl=60s', '--tls-private-key-file=/etc/tls/tls.key', '--use-service-account-credentials=true', 'kubernetes.io/service-account-token', 'http://example.com:8080/path@x', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'secretName: router-certs', "nextLink=https://management.azure.com/x?$skiptoken=abc123def"];
    for (const value of harmless) expect(new Redactor().json({ v: value })).toEqual({ v: value });
  });

  it('hides the value after a secret flag in an argument list, and values of secret-named variables however short', () => {
    const redactor = new Redactor();
    const container = { args: ['--db-password', 'Arg-S3cret', '--port', '8080'], env: [{ name: 'DB_PASSWORD', value: 'abc' }, { name: 'PORT', value: '8080' }] };
    expect(redactor.json(container)).toEqual({ args: ['--db-password', REDACTED, '--port', '8080'], env: [{ name: 'DB_PASSWORD', value: REDACTED }, { name: 'PORT', value: '8080' }] });
    // Label keys of tolerations and selectors are not keys in the cryptographic sense.
    const tolerations = { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }], valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } };
    expect(redactor.json(tolerations)).toEqual(tolerations);
  });

  it('catches a secret found late in an answer where it appeared earlier in the same answer', () => {
    const value = 'Late-Found-Secret-42';
    const list: Json = {
      kind: 'SecretList',
      items: [
        { metadata: { name: 'a', annotations: { note: `copied from b: ${value}` } }, type: 'Opaque', data: {} },
        { metadata: { name: 'b' }, type: 'Opaque', data: { v: b64(value) } },
      ],
    };
    expect(JSON.stringify(new Redactor().kube('/api/v1/secrets', list))).not.toContain(value);
  });

  it('shows a Secret\'s namespace and certificates as <redacted> in it, without hiding them elsewhere', () => {
    const redactor = new Redactor();
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIDMjCCAhqgAwIBAgII\n-----END CERTIFICATE-----\n';
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLWJ5dGVz';
    const secret = { metadata: { name: 'builder-token-x' }, type: 'kubernetes.io/service-account-token', data: { 'ca.crt': b64(certificate), namespace: b64('project1'), token: b64(token) } };
    expect(redactor.kube('/api/v1/namespaces/project1/secrets', { kind: 'SecretList', items: [secret] })).toMatchObject({ items: [{ data: { 'ca.crt': REDACTED, namespace: REDACTED, token: REDACTED } }] });
    expect(redactor.text(`project1 ${certificate}`)).toBe(`project1 ${certificate}`);
    expect(redactor.text(`token ${token}`)).toBe(`token ${REDACTED}`);
  });

  it('reads `name: value` and `name=value` in text, JSON keys and header names by one vocabulary', () => {
    // Names the text patterns once missed, though JSON keys knew most of them.
    const missed = ['auth', 'client-key-data', 'Ocp-Apim-Subscription-Key', 'primaryKey', 'storageKey', 'masterKey', 'sharedKey', 'signingKey', 'encryptionKey', 'tls.key', 'DB_PASS', 'x-functions-key'];
    // Names that say something about a secret, or nothing at all: their values stay.
    const harmless = ['secretName', 'PASSWORD_FILE', 'tokenInactivityTimeout', 'client-certificate-data', 'keyData', 'credentialsMode', 'Access-Control-Allow-Credentials', 'Content-Type', 'server', 'user'];
    for (const name of [...missed, ...harmless]) {
      const value = `Vocabulary-${name.replace(/[^A-Za-z]/g, '')}-7x`;
      const secret = isSecretName(name);
      const hidden = (shown: string) => !shown.includes(value) && shown.includes(REDACTED);
      const seen = {
        name,
        yaml: hidden(new Redactor().text(`${name}: ${value}`)),
        env: hidden(new Redactor().text(`${name}=${value}`)),
        json: hidden(JSON.stringify(new Redactor().json({ [name]: value }))),
        header: hidden(new Redactor().header(name, value)),
      };
      expect(seen).toEqual({ name, yaml: secret, env: secret, json: secret, header: secret });
    }
    expect(missed.every(isSecretName)).toBe(true);
    expect(harmless.some(isSecretName)).toBe(false);
    // A kubeconfig held as text: the key is hidden, the certificate (public) is not.
    const kubeconfig = 'users:\n- name: admin\n  user:\n    client-certificate-data: LS0tQ0VSVA==\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=\n';
    expect(new Redactor().text(kubeconfig)).toBe(`users:\n- name: admin\n  user:\n    client-certificate-data: LS0tQ0VSVA==\n    client-key-data: ${REDACTED}\n`);
    // A header line as text keeps its scheme; the header itself keeps cookie names and attributes.
    expect(new Redactor().text('Proxy-Authorization: Basic dXNlcjpQbDRudA==')).toBe(`Proxy-Authorization: Basic ${REDACTED}`);
    expect(new Redactor().header('Cookie', 'a=Cookie-One-Value; theme=dark-mode-1')).toBe(`a=${REDACTED}; theme=${REDACTED}`);
    expect(new Redactor().header('Set-Cookie', 'sid=; Max-Age=0')).toBe('sid=; Max-Age=0');
    // The router's sticky-session cookie names the pod it chose, and stays.
    const sticky = '0e83a1e4fcf3c93b9e641aeacc93de21=0d42a1e957a9ad7d8203be014866f7d5; path=/; HttpOnly';
    expect(new Redactor().header('Set-Cookie', sticky)).toBe(sticky);
  });

  it('decodes a ConfigMap\'s binaryData and replaces an entry that holds a credential whole, keeping the others', () => {
    const password = 'Binary-Pl4nted-Pw-8';
    const configMap = {
      kind: 'ConfigMap',
      metadata: { name: 'envfile' },
      binaryData: { 'app.env': b64(`DB_HOST=db\nDB_PASSWORD=${password}\n`), 'logo.txt': b64('just a logo\n'), 'key.pem': b64(`-----BEGIN PRIVATE KEY-----\nMIIE${password}\n-----END PRIVATE KEY-----\n`) },
    };
    const redactor = new Redactor();
    expect(redactor.json(configMap)).toEqual({ ...configMap, binaryData: { 'app.env': REDACTED, 'logo.txt': b64('just a logo\n'), 'key.pem': REDACTED } });
    // What it held, and the entry itself, are caught where they appear again.
    expect(redactor.text(`${password} ${configMap.binaryData['app.env']}`)).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('catches a remembered secret without its trailing newline, and however an app\'s JSON encoder escapes it, keeping the body\'s formatting', () => {
    const newline = 'Pl4nt-newline-key-1';
    const crlf = 'Pl4nt-crlf-key-22';
    const escaped = 'Pl4nt&Pw<amp>9x+/é';
    const redactor = new Redactor();
    redactor.kube('/api/v1/namespaces/project1/secrets/api', { kind: 'Secret', metadata: { name: 'api' }, type: 'Opaque', data: { a: b64(`${newline}\n`), b: b64(`${crlf}\r\n`), c: b64(escaped) } });
    expect(redactor.body(`{"error":"upstream rejected key ${newline}"}`)).toBe(`{"error":"upstream rejected key ${REDACTED}"}`);
    expect(redactor.text(`key ${crlf} refused`)).toBe(`key ${REDACTED} refused`);
    // As Go (\u0026 \u003c \u003e), .NET (\u002B, upper-case hex, \u00E9) and PHP (\/, \u00e9) write it.
    const go = 'Pl4nt\\u0026Pw\\u003camp\\u003e9x+/é';
    const dotnet = 'Pl4nt\\u0026Pw\\u003Camp\\u003E9x\\u002B/\\u00E9';
    const php = 'Pl4nt&Pw<amp>9x+\\/\\u00e9';
    for (const spelling of [go, dotnet, php]) {
      // A JSON body: the value is compared decoded; the rest of the body keeps its own escapes and layout.
      const body = `{\n    "dsn": "sqlserver://db?pwd-hint=${spelling}",\n    "note": "a\\u0026b \\/ c"\n}\n`;
      expect(redactor.body(body)).toBe(`{\n    "dsn": "sqlserver://db?pwd-hint=${REDACTED}",\n    "note": "a\\u0026b \\/ c"\n}\n`);
      // Not JSON as a whole (JSON inside a page): the spelling itself is known.
      expect(redactor.body(`<script>var cfg = {"k": "${spelling}"};</script>`)).toBe(`<script>var cfg = {"k": "${REDACTED}"};</script>`);
    }
  });

  it('replaces the value of a `{secret-looking name: {value}}` pair (ARM deployment parameters and outputs, Key Vault secrets)', () => {
    const deployment = {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Resources/deployments/dep1',
      properties: {
        parameters: { adminPassword: { type: 'String', value: 'Deploy-Param-Pl4nted' }, location: { type: 'String', value: 'northeurope' } },
        outputs: { storageAccountKey: { type: 'String', value: 'Deploy-Output-Pl4nted' }, adminCredentials: { type: 'Object', value: { primary: 'Deploy-Object-Pl4nted' } }, hostName: { type: 'String', value: 'app.example.com' } },
      },
    };
    const redactor = new Redactor();
    expect(redactor.json(deployment)).toEqual({
      ...deployment,
      properties: {
        parameters: { adminPassword: { type: 'String', value: REDACTED }, location: { type: 'String', value: 'northeurope' } },
        outputs: { storageAccountKey: { type: 'String', value: REDACTED }, adminCredentials: { type: 'Object', value: REDACTED }, hostName: { type: 'String', value: 'app.example.com' } },
      },
    });
    expect(redactor.text('Deploy-Param-Pl4nted Deploy-Output-Pl4nted')).toBe(`${REDACTED} ${REDACTED}`);
    const bundle = { value: 'Vault-Secret-Pl4nted', id: 'https://kv1.vault.azure.net/secrets/db/0123456789abcdef', attributes: { enabled: true } };
    expect(new Redactor().json(bundle)).toEqual({ ...bundle, value: REDACTED });
  });

  it("leaves every built-in lab and scenario untouched, apart from the values of password variables and a Secret's data", async () => {
    let objects = 0;
    for (const { name } of await listLabs()) {
      const world = await loadLab({ name });
      for (const value of [...world.arm, ...world.kube] as unknown as Json[]) {
        objects += 1;
        const redacted = new Redactor().json(value);
        // What differs must be the value of an environment variable named for a password.
        const expected = JSON.parse(JSON.stringify(value), function (this: Record<string, unknown>, key, v) {
          return key === 'value' && typeof this.name === 'string' && /PASSWORD$/.test(this.name) ? REDACTED : v;
        }) as Json & { kind?: string; data?: Record<string, string> };
        // A Secret is recognised by what it is: every value of its data is redacted.
        if (expected.kind === 'Secret' && expected.data) for (const key of Object.keys(expected.data)) expected.data[key] = REDACTED;
        expect([name, redacted]).toEqual([name, expected]);
      }
    }
    expect(objects).toBeGreaterThan(100);
  });

  it('hides, in answers kept from before, a secret learnt from a Secret read since', async () => {
    const value = 'Kept-Answer-Secret-77';
    const planted = structuredClone(lab);
    planted.kube.push(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'notes', namespace: 'project1' }, data: { reminder: `rotate ${value} in June` } } as unknown as KubeObject,
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'project1' }, type: 'Opaque', data: { password: b64(value) } } as unknown as KubeObject,
    );
    const plantedFake = await startFakeCluster(planted);
    try {
      const session = new Session(await liveWorldOn(plantedFake, planted));
      const line = "kubectl get configmap notes -o jsonpath='{.data.reminder}'";
      // Nothing says yet that this text holds a secret: it is shown as the cluster has it.
      expect((await session.run(line)).stdout).toBe(`rotate ${value} in June`);
      await session.run('kubectl get secrets -o yaml');
      const requests = plantedFake.requests.kube.length;
      expect((await session.run(line)).stdout).toBe(`rotate ${REDACTED} in June`);
      expect(plantedFake.requests.kube.length).toBe(requests); // from the kept answer
    } finally {
      await plantedFake.close();
    }
  });

  // Their cost grows with their size, never with its square: `npm run bench` holds each to its budget.
  it('redacts hostile and large answers without a careless pattern backtracking or the stack overflowing', () => {
    // Texts built to make a careless pattern backtrack: each is 200 000 characters.
    const size = 200_000;
    const hostile = ['.-', 'a.', 'eyJ', 'eyJa.', '-----BEGIN RSA PRIVATE KEY-----', 'a://', 'password=', '"password":', '--password ', 'Pwd={', 'password="', 'Bearer ', 'Authorization: ', '-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----', 'a:', 'a=', 'x-api-key: ', '--api-token ', 'auth: \'', ' ', 'session= ;'];
    for (const unit of hostile) {
      const text = unit.repeat(Math.ceil(size / unit.length));
      const redactor = new Redactor(['known-secret-1']);
      const run = costlySync(() => {
        redactor.json({ metadata: { annotations: { note: text } } });
        redactor.body(text);
        redactor.kube('/api/v1/secrets', { kind: 'SecretList', items: [{ metadata: {}, type: 'Opaque', data: { x: b64(text) } }] });
        for (const name of ['Set-Cookie', 'Cookie', 'Authorization', 'X-Api-Key', 'Content-Type']) redactor.header(name, text);
        redactor.json({ kind: 'ConfigMap', binaryData: { x: b64(text) } });
      }, unit);
      expect([unit, run.error]).toEqual([unit, undefined]);
    }
    // A cluster's service account tokens all start alike; thousands of them are learnt and found again.
    const header = b64url('{"alg":"RS256","kid":"cluster-signing-key"}');
    const tokens = Array.from({ length: 3000 }, (_, i) => `${header}.${b64url(`{"sub":"system:serviceaccount:ns${i}:builder"}`)}.${b64url(`signature-${i}`)}`);
    const redactor = new Redactor();
    const list = { kind: 'SecretList', items: tokens.map((token, i) => ({ metadata: { name: `builder-token-${i}` }, type: 'kubernetes.io/service-account-token', data: { token: b64(token), namespace: b64(`ns${i}`) } })) };
    const learnt = costlySync(() => {
      redactor.kube('/api/v1/secrets', list);
      return redactor.text(`ns7 uses ${tokens[2999].slice(header.length)} and ${tokens[7]}`);
    }, '3000 service account tokens');
    expect(learnt.value).toBe(`ns7 uses ${tokens[2999].slice(header.length)} and ${REDACTED}`);
    // Nesting deeper than any API object: replaced unread, without overflowing the stack.
    const deep = JSON.parse(`${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`) as Json;
    expect(JSON.stringify(new Redactor().json(deep))).toContain(REDACTED);
  });
});

// The OpenShift router's container log (openshift/router, the template router in front of HAProxy),
// computed from the world: the router's startup lines, a reload each time a route it serves
// changed, and — when HAProxy cannot load the default certificate — the failing reload that leaves
// the router without a listening HAProxy until its liveness probe has it restarted.
//
// How a router fails on its default certificate (the shape a scenario authors):
//   - IngressController `openshift-ingress-operator/default` with `spec.defaultCertificate.name: N`.
//     The ingress operator mounts Secret `openshift-ingress/N` on the router pods at
//     /etc/pki/tls/private (DEFAULT_CERTIFICATE_DIR).
//   - The Secret (`type: kubernetes.io/tls`) has `data["tls.crt"]` and `data["tls.key"]`, both base64.
//     The router (pkg/router/template/router.go, secretToPem) takes tls.crt and, when tls.crt holds
//     no private key, appends tls.key, and writes the result to
//     /var/lib/haproxy/router/certs/default.pem without checking it. The router fails when neither
//     file holds a PEM private key block (`-----BEGIN … PRIVATE KEY-----`): for example a secret
//     made with `oc create secret generic N --from-file=tls.crt=fullchain.pem
//     --from-file=tls.key=fullchain.pem`, whose tls.key repeats the certificates. (A missing secret
//     is another fault: the pod cannot mount it and never starts.)
//   - HAProxy then refuses its configuration: the `bind` lines of the fe_sni and fe_no_sni frontends
//     name that PEM file, and HAProxy 1.8 (OpenShift 4.3's haproxy18) reports "unable to load SSL
//     private key from PEM file", HAProxy 2.x "No Private Key found in". The reload script exits 1,
//     the router logs "error reloading router: exit status 1" with HAProxy's output
//     (pkg/router/template/limiter/limiter.go hands the error to utilruntime.HandleError), no
//     HAProxy listens on 80/443, /healthz fails, and the kubelet restarts the container:
//     CrashLoopBackOff. The pod's status carries the restarts (restartCount, lastState.terminated);
//     this module only writes what each run logged.
// 4.3's lines follow openshift/router release-4.3 (klog header with the caller's file and line,
// logr's `"msg"="…"  "key"="value"`; errors through utilruntime.HandleError's klog.ErrorDepth),
// today's release-4.19 (the same messages at their 4.19 lines; haproxy28's wording). The line
// numbers of HAProxy's own configuration and the build strings are the lab's: they depend on the
// rendered template and the image.
import type { KubeObject } from '../world/types.ts';
import type { WorldModel } from '../model/world-model.ts';
import { klogHeader, type ContainerRun, type LogLine } from './pod-log.ts';
import { field, optStr } from '../world/json.ts';

const PEM_PATH = '/var/lib/haproxy/router/certs/default.pem';
const CONFIG = '/var/lib/haproxy/conf/haproxy.config';

function decode(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    return atob(value);
  } catch {
    return '';
  }
}

/** The default certificate's secret, when the IngressController names one. */
export function defaultCertificateSecret(model: WorldModel): KubeObject | undefined {
  const ic = model.kube('IngressController', 'openshift-ingress-operator').find((o) => o.metadata.name === 'default');
  const name = optStr(field(ic?.spec, 'defaultCertificate', 'name'));
  return name ? model.kube('Secret', 'openshift-ingress').find((s) => s.metadata.name === name) : undefined;
}

/** Whether a TLS secret holds a private key HAProxy can load: in tls.crt or in tls.key (see the header). */
export function certificateHasKey(secret: KubeObject): boolean {
  const hasKey = (pem: string) => /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/.test(pem);
  return hasKey(decode(field(secret, 'data', 'tls.crt'))) || hasKey(decode(field(secret, 'data', 'tls.key')));
}

/** Whether HAProxy can load the router's default certificate (see the header): false when the
 * IngressController names a secret in which neither tls.crt nor tls.key holds a private key. */
export function defaultCertificateLoads(model: WorldModel): boolean {
  const secret = defaultCertificateSecret(model);
  return !secret || certificateHasKey(secret);
}

/** OpenShift's minor version from the cluster resource (4.3 → 3). */
function openshiftMinor(model: WorldModel): number {
  const version = String(field(model.cluster(), 'properties', 'clusterProfile', 'version') ?? '4.19');
  return Number(/^4\.(\d+)/.exec(version)?.[1] ?? 19);
}

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** HAProxy 1.8's `[ALERT] DDD/HHMMSS (pid) : ` prefix: the day of the year counted from 0. */
function haproxy18Prefix(at: Date, pid: number): string {
  const start = Date.UTC(at.getUTCFullYear(), 0, 1);
  const day = Math.floor((at.getTime() - start) / 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `[ALERT] ${String(day).padStart(3, '0')}/${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())} (${pid}) : `;
}

function reloadFailure(minor: number, at: Date): string {
  if (minor <= 5) {
    const prefix = haproxy18Prefix(at, 22);
    return [
      'error reloading router: exit status 1',
      `${prefix}parsing [${CONFIG}:226] : 'bind 127.0.0.1:10444' : unable to load SSL private key from PEM file '${PEM_PATH}'.`,
      `${prefix}parsing [${CONFIG}:298] : 'bind 127.0.0.1:10443' : unable to load SSL private key from PEM file '${PEM_PATH}'.`,
      `${prefix}Error(s) found in configuration file : ${CONFIG}`,
      `${prefix}Fatal errors found in configuration.`,
    ].join('\n');
  }
  return [
    'error reloading router: exit status 1',
    `[NOTICE]   (22) : haproxy version is 2.8.10-f28885f`,
    `[NOTICE]   (22) : path to executable is /usr/sbin/haproxy`,
    `[ALERT]    (22) : config : parsing [${CONFIG}:245] : 'bind 127.0.0.1:10444' in section 'frontend' : No Private Key found in '${PEM_PATH}'.`,
    `[ALERT]    (22) : config : parsing [${CONFIG}:325] : 'bind 127.0.0.1:10443' in section 'frontend' : No Private Key found in '${PEM_PATH}'.`,
    `[ALERT]    (22) : config : Error(s) found in configuration file : ${CONFIG}`,
    `[ALERT]    (22) : config : Fatal errors found in configuration.`,
  ].join('\n');
}

/** The lines one run of a router container wrote, up to `until` (its end, or the lab's clock). */
export function routerLog(model: WorldModel, pod: KubeObject, run: ContainerRun, until: Date): LogLine[] {
  const minor = openshiftMinor(model);
  const start = run.startedAt;
  const line = (at: Date, severity: 'I' | 'E', caller: string, text: string): LogLine => ({ at, text: `${klogHeader(severity, at, caller)}${text}` });
  // logr over klog (openshift/router's log package: klogr.New() named per package). 4.3's klogr
  // writes `NAME "level"=0 "msg"="…" FIXED USER` joined by single spaces (hence two spaces where
  // the logger has no fixed values, and two trailing ones without any); klog v2's FormatSerialize
  // writes `"msg"="…" ` and the sorted pairs with the name as "logger". Values are JSON.
  const logr = (name: string, msg: string, kv: Array<[string, string]> = []): string => {
    const pair = ([k, v]: [string, string]) => `${JSON.stringify(k)}=${JSON.stringify(v)}`;
    if (minor <= 5) return `${name} "level"=0 "msg"=${JSON.stringify(msg)}  ${kv.map(pair).join(' ')}`;
    const named: Array<[string, string]> = [['logger', name], ...kv];
    return `"msg"=${JSON.stringify(msg)} ${named.sort(([a], [b]) => (a < b ? -1 : 1)).map(pair).join(' ')}`;
  };
  const build = minor <= 5 ? 'majorFromGit: \nminorFromGit: \ncommitFromGit: 31daec7b\nversionFromGit: 4.0.0-112-g31daec7b\ngitTreeState: clean\nbuildDate: 2020-05-08T05:58:02Z\n' : 'majorFromGit: \nminorFromGit: \ncommitFromGit: 5e84f4b6\nversionFromGit: 4.0.0-591-g5e84f4b6\ngitTreeState: clean\nbuildDate: 2025-11-27T09:12:40Z\n';
  const lines: LogLine[] = [
    line(plus(start, 120), 'I', minor <= 5 ? 'template.go:297' : 'template.go:560', logr('router', 'starting router', [['version', build.replace(/\\n/g, '\n')]])),
    line(plus(start, 124), 'I', minor <= 5 ? 'metrics.go:153' : 'metrics.go:156', logr('metrics', 'router health and metrics port listening on HTTP and HTTPS', [['address', '0.0.0.0:1936']])),
    line(plus(start, 131), 'I', minor <= 5 ? 'router.go:294' : 'router.go:368', logr('template', 'watching for changes', [['path', '/etc/pki/tls/private']])),
    line(plus(start, 132), 'I', minor <= 5 ? 'router.go:257' : 'router.go:283', logr('router', 'router is including routes in all namespaces')),
  ];
  const ok = defaultCertificateLoads(model);
  const reloaded = (at: Date) => line(at, 'I', minor <= 5 ? 'router.go:548' : 'router.go:665', logr('template', 'router reloaded', [['output', ' - Checking http://localhost:80 ...\n - Health check ok : 0 retry attempt(s).\n']]));
  if (ok) {
    lines.push(line(plus(start, 236), 'E', minor <= 5 ? 'haproxy.go:395' : 'haproxy.go:418', "can't scrape HAProxy: dial unix /var/lib/haproxy/run/haproxy.sock: connect: no such file or directory"));
    lines.push(reloaded(plus(start, 271)));
    // A reload for each route created since the router started (the router's only other lines).
    for (const route of model.kube('Route')) {
      const created = new Date(route.metadata.creationTimestamp ?? 0);
      if (created > start && created <= until) lines.push(reloaded(plus(created, 5_000 + 417)));
    }
  } else {
    // The first sync's reload fails; every later change and every metrics scrape fails the same way
    // until the liveness probe gives up on /healthz and the kubelet stops the container.
    lines.push(line(plus(start, 5_271), 'E', minor <= 5 ? 'limiter.go:140' : 'limiter.go:165', reloadFailure(minor, plus(start, 5_268))));
    for (let at = plus(start, 30_236); at < until; at = plus(at, 30_000)) lines.push(line(at, 'E', minor <= 5 ? 'haproxy.go:395' : 'haproxy.go:418', "can't scrape HAProxy: dial unix /var/lib/haproxy/run/haproxy.sock: connect: no such file or directory"));
  }
  void pod;
  return lines.filter((l) => l.at <= until).sort((a, b) => a.at.getTime() - b.at.getTime());
}

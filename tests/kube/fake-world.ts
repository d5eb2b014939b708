// A small in-memory World for the kube tests: answers Kubernetes REST paths the way the API
// server does (lists with apiVersion/kind/metadata, 404 Status bodies) from a list of objects.
import type { Json, KubeObject, LabInfo, RestResponse, World } from '../../src/engine/world/types.ts';
import type { CommandContext, SessionState, Vars } from '../../src/engine/commands/types.ts';
import { runCommand } from '../helpers/run-command.ts';

export const CLOCK = '2020-05-29T16:00:00Z';

export function labInfo(overrides: Partial<LabInfo> = {}): LabInfo {
  return {
    name: 'test',
    title: 'test',
    summary: 'test',
    layout: '2020',
    clock: CLOCK,
    account: { id: 'e7da9914-9b05-4891-893c-546cb7b0422e' },
    client: { publicIp: '198.51.100.7' },
    resolver: '192.0.2.53',
    session: { env: { cluster_name: 'aro2', rg: 'aro2' }, namespace: 'project1' },
    tools: {},
    app: { sqlVersion: 'x' },
    ...overrides,
  };
}

const kinds: Record<string, { kind: string; namespaced: boolean }> = {
  pods: { kind: 'Pod', namespaced: true },
  services: { kind: 'Service', namespaced: true },
  endpoints: { kind: 'Endpoints', namespaced: true },
  namespaces: { kind: 'Namespace', namespaced: false },
  nodes: { kind: 'Node', namespaced: false },
  routes: { kind: 'Route', namespaced: true },
  projects: { kind: 'Project', namespaced: false },
  networkpolicies: { kind: 'NetworkPolicy', namespaced: true },
  configmaps: { kind: 'ConfigMap', namespaced: true },
  infrastructures: { kind: 'Infrastructure', namespaced: false },
  replicationcontrollers: { kind: 'ReplicationController', namespaced: true },
};

function notFound(plural: string, group: string, name: string): RestResponse {
  const qualified = group ? `${plural}.${group}` : plural;
  return {
    status: 404,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `${qualified} "${name}" not found`,
      reason: 'NotFound',
      details: { name, group, kind: plural },
      code: 404,
    },
  };
}

export function fakeWorld(objects: KubeObject[], info: LabInfo = labInfo(), arm: Record<string, Json> = {}): World & { paths: string[] } {
  const paths: string[] = [];
  return {
    info,
    source: 'fixture',
    paths,
    async arm(path: string): Promise<RestResponse> {
      const hit = Object.entries(arm).find(([p]) => p.toLowerCase() === path.toLowerCase());
      if (hit) return { status: 200, body: hit[1] };
      return { status: 404, body: { error: { code: 'ResourceNotFound', message: 'not found' } } };
    },
    async kube(path: string): Promise<RestResponse> {
      paths.push(path);
      const [p, query = ''] = path.split('?');
      const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(p);
      if (!m) return { status: 404, body: { kind: 'Status', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 } };
      const [, group = '', ns, plural, name] = m;
      const k = kinds[plural];
      if (!k) return { status: 404, body: { kind: 'Status', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 } };
      let items = objects.filter((o) => o.kind === k.kind && (ns === undefined || o.metadata.namespace === ns));
      if (name !== undefined) {
        const found = items.find((o) => o.metadata.name === decodeURIComponent(name));
        return found ? { status: 200, body: found as unknown as Json } : notFound(plural, group, decodeURIComponent(name));
      }
      const sel = new URLSearchParams(query).get('labelSelector');
      if (sel) {
        items = items.filter((o) =>
          sel.split(',').every((part) => {
            const [key, value] = part.split('=');
            return value === undefined ? key in (o.metadata.labels ?? {}) : o.metadata.labels?.[key] === value;
          }),
        );
      }
      const apiVersion = group ? `${group}/v1` : 'v1';
      return {
        status: 200,
        body: {
          kind: `${k.kind}List`,
          apiVersion,
          metadata: { resourceVersion: '12345' },
          // Storage-key order (<namespace>/<name>), as an API server lists.
          items: [...items]
            .sort((a, b) => {
              const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
              const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
              return ka < kb ? -1 : ka > kb ? 1 : 0;
            })
            .map(({ apiVersion: _a, kind: _k, ...rest }) => rest) as unknown as Json[],
        },
      };
    },
    async resolve() {
      return [];
    },
    async http(req) {
      return { error: 'resolve', host: new URL(req.url).hostname };
    },
  };
}

class MapVars implements Vars {
  private m = new Map<string, string>();
  get(n: string) {
    return this.m.get(n);
  }
  set(n: string, v: string) {
    this.m.set(n, v);
  }
  unset(n: string) {
    this.m.delete(n);
  }
  export() {}
  environment(): Array<[string, string]> {
    return [...this.m];
  }
  names() {
    return [...this.m.keys()];
  }
}

export function fakeSession(world: World): SessionState {
  return {
    world,
    vars: new MapVars(),
    namespace: world.info.session.namespace,
    history: [],
    now: () => new Date(world.info.clock),
    clearRequested: false,
    previousOutput: '',
  };
}

/** Splits a command line like a shell would for these tests (single and double quotes). */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === ' ') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one kubectl/oc command line against a session. */
export async function runLine(
  commands: Array<{ name: string; run(ctx: CommandContext): Promise<number> }>,
  session: SessionState,
  line: string,
): Promise<RunResult> {
  const argv = words(line);
  const cmd = commands.find((c) => c.name === argv[0]);
  if (!cmd) throw new Error(`no command ${argv[0]}`);
  return runCommand(cmd, argv, session, { tty: true });
}

// The lab machine's small, read-only file tree: the usual system directories, a few files of /etc
// that say what the machine is (Debian 12, like the tools the lab's outputs were checked against)
// and what it talks to (the resolver nslookup reports), and the reader's home with the files a
// reader of the chapters would have there (a kubeconfig logged in to the lab's API server).
// Everything that depends on the lab is computed from the session's world. Nothing is writable:
// the shell answers a write as a read-only file system does.
import type { SessionState } from '../types.ts';
import type { World } from '../../world/types.ts';
import { arr, field, isJsonObject, obj, str, type JsonObject } from '../../world/json.ts';
import { apiServerUrl } from '../kube/cluster.ts';

/** The reader's home on the lab's machine: HOME and the first PWD of every session. */
export const READER_HOME = '/home/reader';

/** What the tree's contents depend on, read from the world once (prepareTree). */
interface Facts {
  world: World;
  /** The API server the reader's kubeconfig points at; absent until prepareTree has run. */
  apiServer?: string;
  /** Files and directories read from the world: the manifests of the reader's project. */
  extra?: Map<string, TreeNode>;
}

/** A file: who owns it and its mode, as `ls -l` shows them, and its text. */
export interface FileNode {
  kind: 'file';
  owner: string;
  mode: string;
  text(facts: Facts): string;
}
export interface DirectoryNode {
  kind: 'directory';
  owner: string;
  mode: string;
}
export type TreeNode = FileNode | DirectoryNode;

const SYSTEM_DIRECTORIES = [
  '/', '/bin', '/dev', '/etc', '/home', '/lib', '/opt', '/proc', '/sbin', '/tmp', '/usr', '/usr/bin',
  '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/log', '/var/tmp',
];

/** The machine's name: a jump host when the reader sits inside the cluster's network, their own machine otherwise. */
function hostname(world: World): string {
  return world.info.client.privateIp ? 'jumpbox' : 'workstation';
}

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://support.debian.org/"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

function hosts(world: World): string {
  const name = hostname(world);
  const self = world.info.client.privateIp ? `${world.info.client.privateIp}\t${name}` : `127.0.1.1\t${name}`;
  return `127.0.0.1\tlocalhost\n${self}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
}

/** resolv.conf names the server nslookup reports (it holds no port: a resolver on another port is the lab's test double). */
function resolvConf(world: World): string {
  const [server] = world.info.resolver.split('#');
  return `nameserver ${server}\n`;
}

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
reader:x:1000:1000:Lab reader:${READER_HOME}:/bin/bash
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
nogroup:x:65534:
reader:x:1000:
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
HISTSIZE=500

alias ll='ls -l'
alias la='ls -A'

# The chapters' variables: the cluster and its resource group.
export cluster_name rg
`;

const PROFILE = `# ~/.profile: executed by the command interpreter for login shells.

if [ -n "$BASH_VERSION" ]; then
    if [ -f "$HOME/.bashrc" ]; then
        . "$HOME/.bashrc"
    fi
fi

if [ -d "$HOME/bin" ] ; then
    PATH="$HOME/bin:$PATH"
fi
`;

/** The kubeconfig `oc login -u kubeadmin` writes, without a credential: the token is a placeholder that says so. */
function kubeconfig(facts: Facts): string {
  const server = facts.apiServer ?? 'https://api.cluster.local:6443';
  const cluster = server.replace(/^https?:\/\//, '').replace(/\./g, '-');
  const user = `kube:admin/${cluster}`;
  const namespace = facts.world.info.session.namespace;
  const context = `${namespace}/${cluster}/kube:admin`;
  return `apiVersion: v1
clusters:
- cluster:
    server: ${server}
  name: ${cluster}
contexts:
- context:
    cluster: ${cluster}
    namespace: ${namespace}
    user: ${user}
  name: ${context}
current-context: ${context}
kind: Config
preferences: {}
users:
- name: ${user}
  user:
    token: sha256~not-a-real-token-the-lab-needs-none
`;
}

const root = (mode: string, text: (facts: Facts) => string): FileNode => ({ kind: 'file', owner: 'root', mode, text });
const readers = (mode: string, text: (facts: Facts) => string): FileNode => ({ kind: 'file', owner: 'reader', mode, text });

const NODES: ReadonlyMap<string, TreeNode> = new Map<string, TreeNode>([
  ...SYSTEM_DIRECTORIES.map((path): [string, TreeNode] => [path, { kind: 'directory', owner: 'root', mode: path.endsWith('tmp') ? 'drwxrwxrwt' : 'drwxr-xr-x' }]),
  [READER_HOME, { kind: 'directory', owner: 'reader', mode: 'drwxr-xr-x' }],
  [`${READER_HOME}/.kube`, { kind: 'directory', owner: 'reader', mode: 'drwxr-xr-x' }],
  ['/dev/null', root('crw-rw-rw-', () => '')],
  ['/etc/hostname', root('-rw-r--r--', (f) => `${hostname(f.world)}\n`)],
  ['/etc/hosts', root('-rw-r--r--', (f) => hosts(f.world))],
  ['/etc/os-release', root('-rw-r--r--', () => OS_RELEASE)],
  ['/etc/group', root('-rw-r--r--', () => GROUP)],
  ['/etc/passwd', root('-rw-r--r--', () => PASSWD)],
  ['/etc/resolv.conf', root('-rw-r--r--', (f) => resolvConf(f.world))],
  [`${READER_HOME}/.bashrc`, readers('-rw-r--r--', () => BASHRC)],
  [`${READER_HOME}/.profile`, readers('-rw-r--r--', () => PROFILE)],
  [`${READER_HOME}/.kube/config`, readers('-rw-------', kubeconfig)],
]);

const facts = new WeakMap<World, Facts>();

function factsOf(session: SessionState): Facts {
  return facts.get(session.world) ?? { world: session.world };
}

/** Reads from the world what the tree's files depend on (the API server's URL), once per world.
 * Call it before reading files; without it, the kubeconfig names a placeholder server. */
export async function prepareTree(session: SessionState): Promise<void> {
  if (facts.has(session.world)) return;
  // A world that cannot answer (a live cluster out of reach) leaves the placeholder server and no manifests.
  const [apiServer, extra] = await Promise.all([
    apiServerUrl(session.world).catch(() => undefined),
    projectManifests(session.world).catch(() => new Map<string, TreeNode>()),
  ]);
  facts.set(session.world, { world: session.world, apiServer, extra });
}

/** What a reader applied to create a Service or a Route: its kind, name and the spec they wrote
 * (not what the cluster filled in: cluster IPs, node ports, defaults). */
function manifest(kind: 'Service' | 'Route', object: JsonObject, kubectlYaml: (value: unknown) => string): string {
  const metadata = obj(object.metadata);
  const spec = { ...obj(object.spec) };
  if (kind === 'Service') {
    for (const key of ['clusterIP', 'clusterIPs', 'externalTrafficPolicy', 'internalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'sessionAffinity', 'healthCheckNodePort', 'allocateLoadBalancerNodePorts']) delete spec[key];
    if (Array.isArray(spec.ports)) spec.ports = spec.ports.map((p) => Object.fromEntries(Object.entries(obj(p)).filter(([k]) => k !== 'nodePort')));
  } else {
    delete spec.wildcardPolicy;
    if (spec.to) spec.to = Object.fromEntries(Object.entries(obj(spec.to)).filter(([k]) => k !== 'weight'));
  }
  const apiVersion = kind === 'Service' ? 'v1' : 'route.openshift.io/v1';
  return kubectlYaml({ apiVersion, kind, metadata: { name: metadata.name, namespace: metadata.namespace }, spec });
}

/** ~/<project>/, with a manifest per Service and Route of the session's project. */
async function projectManifests(world: World): Promise<Map<string, TreeNode>> {
  const nodes = new Map<string, TreeNode>();
  // kubectl's YAML printer loads with the first read of the tree, not with the shell.
  const { kubectlYaml } = await import('../../format/kube/yaml.ts');
  const namespace = world.info.session.namespace;
  const dir = `${READER_HOME}/${namespace}`;
  const lists: Array<['Service' | 'Route', string]> = [
    ['Service', `/api/v1/namespaces/${namespace}/services`],
    ['Route', `/apis/route.openshift.io/v1/namespaces/${namespace}/routes`],
  ];
  for (const [kind, path] of lists) {
    const response = await world.kube(path);
    const items = response.status === 200 ? arr(field(response.body, 'items')).filter(isJsonObject) : [];
    for (const item of items) {
      const name = str(field(item, 'metadata', 'name'));
      const text = manifest(kind, item, kubectlYaml);
      nodes.set(`${dir}/${name}-${kind.toLowerCase()}.yaml`, readers('-rw-r--r--', () => text));
    }
  }
  if (nodes.size) nodes.set(dir, { kind: 'directory', owner: 'reader', mode: 'drwxr-xr-x' });
  return nodes;
}

/** A process substitution's output, readable at its /dev/fd path while its command runs. */
const substitutions = new WeakMap<SessionState, Map<string, TreeNode>>();

/** Makes `text` the file at `path` for the session (undefined removes it). */
export function setSubstitutionFile(session: SessionState, path: string, text: string | undefined): void {
  const files = substitutions.get(session) ?? new Map<string, TreeNode>();
  substitutions.set(session, files);
  if (text === undefined) files.delete(path);
  else files.set(path, { kind: 'file', owner: 'reader', mode: 'pr--------', text: () => text });
}

/** Every node: the fixed ones and, once prepared, those read from the session's world. */
function nodes(session?: SessionState): ReadonlyMap<string, TreeNode> {
  const extra = session ? facts.get(session.world)?.extra : undefined;
  const piped = session ? substitutions.get(session) : undefined;
  if (piped?.size) return new Map([...NODES, ...(extra ?? []), ...piped]);
  return extra?.size ? new Map([...NODES, ...extra]) : NODES;
}

/** `path` resolved against `cwd` as bash does for logical paths: `.` dropped, `..` removes the part before it. */
export function resolvePath(cwd: string, path: string): string {
  const parts = path.startsWith('/') ? [] : cwd.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The node at an absolute, resolved path, if the tree has one (with the session: its world's files too). */
export function nodeAt(absolutePath: string, session?: SessionState): TreeNode | undefined {
  return nodes(session).get(absolutePath);
}

/** A file's text; undefined when there is no file there (nothing, or a directory). */
export function readFile(session: SessionState, absolutePath: string): string | undefined {
  const node = nodes(session).get(absolutePath);
  return node?.kind === 'file' ? node.text(factsOf(session)) : undefined;
}

export function isDirectory(session: SessionState, absolutePath: string): boolean {
  return nodes(session).get(absolutePath)?.kind === 'directory';
}

/** The names in a directory (hidden ones included, no `.` or `..`), in byte order as `ls` sorts
 * them under LANG=C.UTF-8; undefined when it is not a directory. */
export function listDirectory(session: SessionState, absolutePath: string): string[] | undefined {
  const all = nodes(session);
  if (all.get(absolutePath)?.kind !== 'directory') return undefined;
  const prefix = absolutePath === '/' ? '/' : `${absolutePath}/`;
  const names: string[] = [];
  for (const path of all.keys()) {
    if (path !== absolutePath && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) names.push(path.slice(prefix.length));
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every path of the tree with its node, parents before children (to build the same tree on disk). */
export function treeEntries(session?: SessionState): Array<[string, TreeNode]> {
  return [...nodes(session)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

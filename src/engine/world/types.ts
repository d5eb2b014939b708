// The world a lab session runs against. Two sources implement it: a fixture file from `labs/`
// and (later) the reader's live cluster. Commands only ever see this interface, so whatever they
// print is the same for both sources.

import type { Json, JsonObject } from './json.ts';

export type { Json, JsonObject };

/** An ARM resource exactly as an ARM GET returns it (REST wire shape). */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  etag?: string;
  sku?: JsonObject;
  zones?: string[];
  tags?: Record<string, string>;
  properties?: JsonObject;
  [key: string]: unknown;
}

/** A Kubernetes/OpenShift object as the API server returns it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: JsonObject;
  status?: JsonObject;
  [key: string]: unknown;
}

/** Answer of a REST GET (ARM or Kubernetes): status code and parsed JSON body. */
export interface RestResponse {
  status: number;
  body: Json;
  headers?: Record<string, string>;
  /** Set (with status 0) when no usable answer came back; each tool words it its own way. */
  failure?: TransportFailure;
}

/** Why a live source got no usable answer. */
export interface TransportFailure {
  /** 'not-allowed': live mode refused to send the path (it is not a plain read of what the commands read). */
  kind: 'credentials' | 'unreachable' | 'refused' | 'timeout' | 'malformed' | 'not-allowed';
  /** host:port (Kubernetes) or the endpoint URL (ARM). */
  endpoint: string;
  detail: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** curl -k: accept a certificate that does not verify. */
  insecure?: boolean;
  /** curl -m: give up when the whole exchange takes longer. */
  maxTimeMs?: number;
}

/** When each phase of an exchange ended, in ms since it started (curl's -w time_* variables). */
export interface HttpTiming {
  lookupMs: number;
  connectMs: number;
  /** The TLS handshake's end; 0 over plain http. */
  tlsMs: number;
  firstByteMs: number;
  totalMs: number;
}

export interface HttpResponse {
  httpVersion: string; // "1.1"
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  /** Address and port the client connected to (curl -v prints it). */
  remote: { ip: string; port: number };
  timing?: HttpTiming;
}

/** A failure before a whole HTTP answer came: curl maps these to its own exit codes. 'too-large':
 * the body passed the size live mode accepts; 'closed': the server closed before the body's end. */
export interface NetError {
  error: 'resolve' | 'connect' | 'timeout' | 'tls' | 'refused-by-policy' | 'too-large' | 'closed';
  host: string;
  port?: number;
  message?: string;
  /** A timeout after the connection was made: the server did not answer in time. */
  connected?: boolean;
  /** A timeout while the name was still being resolved. */
  resolving?: boolean;
  /** When a time limit of the world (live mode's, or curl -m's) ended the exchange: its length in ms. */
  limitMs?: number;
  /** What came before the failure (status line, headers, the body so far and its size in bytes). */
  partial?: { response: HttpResponse; bodyBytes: number };
}

/** Facts about the lab that are not ARM or Kubernetes objects. */
export interface LabInfo {
  name: string;
  title: string;
  summary: string;
  /** '2020': the post's cluster (four load balancers); 'today': a cluster created today. */
  layout: '2020' | 'today';
  /** The instant the lab is frozen at; AGE columns are computed from it. ISO 8601. */
  clock: string;
  /** What `az account show` returns (REST-ish subscription entry of azureProfile.json). */
  account: JsonObject;
  /** The reader's public address as the Internet sees it (ends up in X-Forwarded-For). */
  client: {
    publicIp: string;
    /** The reader's machine sits in a VNet peered to the cluster's: it reaches private frontends,
     * and X-Forwarded-For shows this address. Absent: the reader is on the Internet. */
    privateIp?: string;
  };
  /** The DNS server `nslookup` reports talking to: an address, with `#port` when not 53. */
  resolver: string;
  /** Shell state a new session starts with. */
  session: { env: Record<string, string>; namespace: string };
  /** Versions of the tools this lab imitates, shown on the terminal badge. */
  tools: Record<string, string>;
  /** Extra public DNS records (name -> A records) beyond what the cluster publishes. */
  dns?: Record<string, string[]>;
  /** Behaviour of the sample app that is not visible in any object (e.g. the SQL Server version banner). */
  app: { sqlVersion: string; load?: AppLoad[] };
  /** A fault scenario's story: what the reader is told went wrong (the symptom, not the cause). */
  story?: string;
}

/** Requests the sample app has been serving at a steady rate (what Azure Monitor's metrics follow). */
export interface AppLoad {
  /** The route the requests come through, `namespace/name`. */
  route: string;
  path: string;
  perMinute: number;
  /** The load began this many minutes before the lab's clock (absent: all along). */
  sinceMinutes?: number;
}

export interface World {
  readonly info: LabInfo;
  readonly source: 'fixture' | 'live';
  /** ARM REST GET, path as in the URL (`/subscriptions/…`), without api-version. */
  arm(path: string): Promise<RestResponse>;
  /** ARM REST POST of an action that computes an answer from what is there (a NIC's
   * effectiveRouteTable, a network watcher's nextHop). Absent in live mode: the bridge only reads. */
  armAction?(path: string, body: Json): Promise<RestResponse>;
  /** Kubernetes REST GET, e.g. `/api/v1/namespaces/project1/pods`. */
  kube(path: string): Promise<RestResponse>;
  /** Public DNS as seen from the reader's machine; [] means NXDOMAIN; a NetError when live mode refuses the name. */
  resolve(host: string): Promise<string[] | NetError>;
  /** One HTTP exchange from the reader's machine. */
  http(req: HttpRequest): Promise<HttpResponse | NetError>;
  /** Live sources keep reads for a short time; this forgets them and says how many it dropped. */
  refresh?(): Promise<number>;
}

/** A lab world file (`labs/<lab>/world.json`, a snapshot, or a file a reader loads). */
export interface LabFile {
  formatVersion: 1;
  info: LabInfo;
  /** Every ARM resource, resource groups included, child collections nested in their parent's properties. */
  arm: ArmResource[];
  /** Every Kubernetes/OpenShift object. */
  kube: KubeObject[];
  /** Objects that existed before the lab's clock and are gone (a scenario removed them), with when
   * they were deleted: what happened before them (a log line's router) can name them. */
  past?: PastObject[];
}

export interface PastObject {
  object: KubeObject;
  /** ISO 8601. */
  deletedAt: string;
}

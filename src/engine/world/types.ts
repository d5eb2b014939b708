// The world a lab session runs against. Two sources implement it: a fixture file from `labs/`
// and (later) the reader's live cluster. Commands only ever see this interface, so whatever they
// print is the same for both sources.

import type { Json, JsonObject } from './json.ts';
import type { LabFile, LabInfo } from './schema/lab-file.ts';

export type { Json, JsonObject };
// The objects of a world, typed by the schemas that check them when a lab loads.
export type { ArmResource } from './schema/arm.ts';
export type { KubeObject } from './schema/kube.ts';
export type { AppLoad, LabFile, LabInfo, PastObject } from './schema/lab-file.ts';

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

/** A write of a REST API (ARM or Kubernetes), as the tool sends it. `path` is as in the URL,
 * without api-version (ARM) and with the query Kubernetes writes carry (`?fieldManager=…`,
 * `?dryRun=All`). */
export interface RestWrite {
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  body?: Json;
  /** Kubernetes PATCH: `application/merge-patch+json`, `application/json-patch+json` or
   * `application/strategic-merge-patch+json`; otherwise `application/json`. */
  contentType?: string;
}

/** What the reader changed in a fixture world, and the way back. */
export interface LabChanges {
  /** How many writes changed the world since it was loaded or reset. */
  readonly count: number;
  /** The writes that changed it, oldest first: replaying them on the lab gives the same world. */
  journal(): RestWrite[];
  /** The world as it is now, as a lab file (valid for parseLabFile). */
  current(): LabFile;
  /** Back to the lab as loaded. */
  reset(): void;
  /** Reset, then apply `writes` (a journal kept earlier); returns how many applied. */
  replay(writes: readonly RestWrite[]): Promise<number>;
  /** Called after each change and each reset; returns the way to stop listening. */
  subscribe(listener: () => void): () => void;
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
  /** ARM REST PUT/PATCH/DELETE/POST that changes the world, answered as ARM answers (the final
   * answer of a long-running operation: az's poller sees it done). Absent in live mode: it only reads. */
  armWrite?(write: RestWrite): Promise<RestResponse>;
  /** Kubernetes REST POST/PUT/PATCH/DELETE, answered as the API server answers. Absent in live mode. */
  kubeWrite?(write: RestWrite): Promise<RestResponse>;
  /** What the reader changed (fixture worlds only). */
  readonly changes?: LabChanges;
  /** Live sources keep reads for a short time; this forgets them and says how many it dropped. */
  refresh?(): Promise<number>;
}

// The reader's cluster through @kubernetes/client-node: the kubeconfig `oc login` wrote (KUBECONFIG
// as kubectl reads it) supplies server, CA and credentials; requests are raw GETs because the
// commands print the API server's own JSON, not the client's typed models.
import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import type { Json, RestResponse } from '../../engine/index.ts';
import { failure, malformed } from './failure.ts';
import { declaredLength, MAX_ANSWER_BYTES, readWhole } from './bounds.ts';
import { endpointUrl, LiveConfigError, type LiveConfig } from './config.ts';
import { unplainPath } from './read-check.ts';

export interface KubeSource {
  get(path: string): Promise<RestResponse>;
  /** The namespace of the kubeconfig's current context (`oc project` sets it). */
  readonly namespace: string;
  /** host:port of the API server, as kubectl names it in its errors. */
  readonly server: string;
  /** Credentials from the kubeconfig, so that no output can ever show them. */
  readonly secrets: string[];
}

export function loadKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromDefault();
  } catch (error) {
    throw new LiveConfigError(`kubeconfig: ${(error as Error).message.split('\n')[0]}`);
  }
  return kc;
}

export async function createKubeSource(config: LiveConfig, kc: KubeConfig = loadKubeConfig()): Promise<KubeSource> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new LiveConfigError("kubeconfig: no current context; log in to the cluster first (oc login)");
  const server = endpointUrl(cluster.server, `kubeconfig server of context "${kc.getCurrentContext()}"`);
  const options: https.RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(options);
  } catch (error) {
    // The client refuses http unless TLS checks are off; with no kubeconfig at all it points at
    // http://localhost:8080, as kubectl does, and kubectl's "connection refused" follows from there.
    if (server.protocol !== 'http:') throw new LiveConfigError(`kubeconfig: ${(error as Error).message}`);
  }
  // The client builds an https agent; a plain-http loopback server takes none.
  if (server.protocol === 'http:') delete options.agent;
  const user = kc.getCurrentUser();
  const secrets = [user?.token, user?.password, user?.keyData, options.key, (options.headers as Record<string, string> | undefined)?.Authorization]
    .filter((s): s is string => typeof s === 'string' && s.length >= 8)
    .flatMap((s) => [s, s.replace(/^Bearer /, '')]);
  const endpoint = server.host || `${server.hostname}:${server.protocol === 'https:' ? 443 : 80}`;
  const transport = server.protocol === 'https:' ? https : http;
  const base = server.href.replace(/\/+$/, '');

  return {
    namespace: kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default',
    server: endpoint,
    secrets,
    get(path) {
      // The URL the request is made from would resolve a dot segment before the API server sees it.
      const refused = unplainPath('Kubernetes', path, endpoint);
      if (refused) return Promise.resolve(refused);
      return new Promise<RestResponse>((resolve) => {
        // One deadline for the whole exchange: the socket's idle timeout alone lets a server
        // that sends a byte now and then keep a command waiting for ever.
        let done = false;
        let request: http.ClientRequest | undefined;
        const settle = (answer: RestResponse, complete = false) => {
          if (done) return;
          done = true;
          clearTimeout(deadline);
          if (!complete) request?.destroy();
          resolve(answer);
        };
        const deadline = setTimeout(() => settle(failure('timeout', endpoint, `no answer within ${config.timeoutMs / 1000} s`)), config.timeoutMs);
        try {
          request = transport.request(`${base}${path}`, {
            ...options,
            method: 'GET',
            headers: { ...(options.headers ?? {}), Accept: 'application/json', 'User-Agent': 'aro-labs (kubectl-compatible read-only)' },
            timeout: config.timeoutMs,
          });
        } catch (error) {
          settle(failure('unreachable', endpoint, (error as Error).message));
          return;
        }
        request.on('timeout', () => settle(failure('timeout', endpoint, `no answer within ${config.timeoutMs / 1000} s`)));
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') settle(failure('refused', endpoint, error.message));
          else if (/certificate|self.signed|CERT/i.test(`${error.code} ${error.message}`)) settle(failure('unreachable', endpoint, `tls: ${error.message}`));
          else settle(failure('unreachable', endpoint, `dial tcp ${endpoint}: ${error.code ?? error.message}`));
        });
        request.on('response', (response) => {
          readWhole(response, MAX_ANSWER_BYTES, declaredLength(response.headers['content-length'])).then(
            (bytes) => {
              const text = bytes.toString('utf8');
              const status = response.statusCode ?? 0;
              let body: Json;
              // A pod's log is the kubelet's text, not JSON (its refusals are JSON Status bodies).
              if (status === 200 && /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/log(\?|$)/.test(path)) {
                settle({ status, body: text }, true);
                return;
              }
              try {
                body = text ? (JSON.parse(text) as Json) : null;
              } catch {
                // A 401 from a proxy in front of the API server may be plain text; kubectl still says Unauthorized.
                if (status === 401) settle({ status, body: { kind: 'Status', reason: 'Unauthorized', message: 'Unauthorized', code: 401 } }, true);
                else settle(malformed(endpoint, status, text), true);
                return;
              }
              settle({ status, body }, true);
            },
            (error: Error) => settle(failure('unreachable', endpoint, error.message)),
          );
        });
        request.end();
      });
    },
  };
}

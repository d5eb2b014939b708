// ARM through the Azure SDK: @azure/arm-network's client for network resources and
// @azure/arm-resources' for groups and the ARO cluster, each with its pipeline (credential,
// retries that honour Retry-After, user agent). The commands print ARM's REST wire shape, and the
// SDK's typed models flatten `properties` and rename keys, so bodies are read raw from the
// pipeline rather than through the typed operations.
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { Readable } from 'node:stream';
import { createDefaultHttpClient, createPipelineRequest, RestError, type HttpClient, type Pipeline, type PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import type { Json, RestResponse } from '../../engine/index.ts';
import { failure, malformed } from './failure.ts';
import { AnswerTooLarge, declaredLength, MAX_ANSWER_BYTES, readWhole } from './bounds.ts';
import type { LiveConfig } from './config.ts';
import { unplainPath } from './read-check.ts';

/** API versions by resource provider (the ones today's az uses for these resources). */
const API_VERSIONS: Record<string, string> = {
  'microsoft.network': '2024-05-01',
  'microsoft.redhatopenshift': '2023-11-22',
  'microsoft.compute': '2024-07-01',
  'microsoft.insights': '2018-01-01',
};
const RESOURCES_API = '2022-09-01';

export function apiVersion(path: string): string {
  // The last provider names the API: `…/loadBalancers/x/providers/Microsoft.Insights/metrics` is Monitor's.
  const provider = [...path.split('?')[0].matchAll(/\/providers\/([^/]+)/gi)].pop()?.[1]?.toLowerCase();
  return (provider && API_VERSIONS[provider]) || RESOURCES_API;
}

export interface ArmSource {
  get(path: string): Promise<RestResponse>;
}

/** The reader's own token (ARO_LABS_ARM_TOKEN) or DefaultAzureCredential, which uses `az login`. */
async function credential(config: LiveConfig): Promise<TokenCredential> {
  if (config.armToken) {
    const token = config.armToken;
    return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
  }
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

/** The SDK refuses bearer tokens over http; a loopback test endpoint gets the header from this policy. */
function loopbackBearer(cred: TokenCredential, scope: string): PipelinePolicy {
  return {
    name: 'aroLabsLoopbackBearer',
    async sendRequest(request, next) {
      const token = await cred.getToken(scope);
      if (token) request.headers.set('authorization', `Bearer ${token.token}`);
      return next(request);
    },
  };
}

/**
 * The SDK's HTTP client with each exchange bounded: its own timeout stops counting once the
 * headers are in, so a body that trickles in (or never ends) is read here, whole answer within
 * timeoutMs and at most maxBytes of it. Retries go through it one exchange at a time.
 */
function boundedClient(inner: HttpClient, timeoutMs: number, maxBytes: number): HttpClient {
  return {
    async sendRequest(request) {
      const given = request.abortSignal;
      const abort = new AbortController();
      const onGivenAbort = () => abort.abort();
      given?.addEventListener('abort', onGivenAbort);
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      request.abortSignal = abort.signal;
      request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
      try {
        const response = await inner.sendRequest(request);
        const stream = response.readableStreamBody;
        if (!stream) return response;
        const body = await readWhole(stream as Readable, maxBytes, declaredLength(response.headers.get('content-length')));
        return { ...response, readableStreamBody: undefined, bodyAsText: body.toString('utf8') };
      } catch (error) {
        if (abort.signal.aborted && !given?.aborted) throw Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { name: 'AbortError' });
        throw error;
      } finally {
        clearTimeout(timer);
        given?.removeEventListener('abort', onGivenAbort);
        request.abortSignal = given;
        request.streamResponseStatusCodes = undefined;
      }
    },
  };
}

export async function createArmSource(config: LiveConfig, given?: TokenCredential): Promise<ArmSource> {
  const cred = given ?? (await credential(config));
  const endpoint = config.armEndpoint.origin;
  const insecure = config.armEndpoint.protocol === 'http:';
  const options = { endpoint, allowInsecureConnection: insecure, retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 } };
  const network = new NetworkManagementClient(cred, config.subscription, options);
  const resources = new ResourceManagementClient(cred, config.subscription, options);
  const scope = `${endpoint}/.default`;
  for (const client of [network, resources]) {
    if (insecure) {
      client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
      client.pipeline.addPolicy(loopbackBearer(cred, scope));
    }
  }
  const httpClient = boundedClient(createDefaultHttpClient(), config.timeoutMs, MAX_ANSWER_BYTES);
  const pipelineFor = (path: string): Pipeline => (/\/providers\/microsoft\.network\//i.test(path) ? network.pipeline : resources.pipeline);

  return {
    async get(path) {
      // URL parsing would resolve a dot segment (or `%2e%2e`) and drop a fragment before ARM sees the path.
      const refused = unplainPath('ARM', path, endpoint);
      if (refused) return refused;
      const url = `${endpoint}${path}${path.includes('?') ? '&' : '?'}api-version=${apiVersion(path)}`;
      const request = createPipelineRequest({ url, method: 'GET', allowInsecureConnection: insecure });
      let response;
      try {
        response = await pipelineFor(path).sendRequest(httpClient, request);
      } catch (error) {
        if (error instanceof AnswerTooLarge) return failure('unreachable', endpoint, error.message);
        const name = (error as Error).name;
        const message = (error as Error).message;
        if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError') return failure('credentials', endpoint, firstLine(message));
        if (name === 'AbortError' || /timed? ?out|aborted/i.test(message)) return failure('timeout', endpoint, `no answer within ${config.timeoutMs / 1000} s`);
        const code = error instanceof RestError ? error.code : (error as NodeJS.ErrnoException).code;
        return failure(code === 'ECONNREFUSED' ? 'refused' : 'unreachable', endpoint, firstLine(message));
      }
      const text = response.bodyAsText ?? '';
      let body: Json;
      try {
        body = text ? (JSON.parse(text) as Json) : null;
      } catch {
        return malformed(endpoint, response.status, text);
      }
      if (response.status === 429) body = throttled(body, response.headers.get('retry-after'));
      return { status: response.status, body };
    },
  };
}

const firstLine = (text: string) => text.split('\n')[0].trim();

/** A 429 that outlived the SDK's retries: ARM's own error, plus how long Azure asked to wait. */
function throttled(body: Json, retryAfter: string | undefined): Json {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  const wait = retryAfter ? ` Azure asked to retry after ${retryAfter} seconds; try again then.` : '';
  return { error: { code: error?.code ?? 'TooManyRequests', message: `${error?.message ?? 'The request was throttled.'}${wait}` } };
}

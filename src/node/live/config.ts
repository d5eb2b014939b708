// Live mode's settings, from the environment: where ARM is and how to authenticate, which DNS
// server answers, which route hosts are pinned to which addresses. Plain http only on loopback.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';

export class LiveConfigError extends Error {}

export interface Pin {
  host: string;
  port: number;
  address: string;
  /** Port to connect to instead of `port` (a fourth field, like curl's --connect-to; test servers). */
  connectPort?: number;
}

export interface LiveConfig {
  armEndpoint: URL;
  /** ARO_LABS_ARM_TOKEN: used instead of DefaultAzureCredential. */
  armToken?: string;
  subscription: string;
  /** The subscription entry `az account show` prints (from azureProfile.json when there is one). */
  account: Record<string, unknown>;
  pins: Pin[];
  /** DNS server for nslookup and for route hosts that are not pinned: "address" or "address#port". */
  dns?: string;
  /** Per request, in milliseconds. */
  timeoutMs: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An endpoint URL; http is refused unless it is a loopback address (test servers). */
export function endpointUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LiveConfigError(`${what}: "${value}" is not a URL`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) throw new LiveConfigError(`${what}: plain http is accepted only for loopback addresses; use https for ${url.host}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LiveConfigError(`${what}: only https URLs are accepted`);
  return url;
}

/** ARO_LABS_RESOLVE=host:port:address[,…], like curl's --resolve (IPv6 in brackets); an optional
 * fourth field names the port to connect to, for test servers on unprivileged ports. */
export function parsePins(value: string | undefined): Pin[] {
  if (!value) return [];
  return value.split(',').map((entry) => {
    const m = /^([^:]+):(\d+):(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.trim());
    const address = m?.[3].replace(/^\[|\]$/g, '') ?? '';
    if (!m || !isIP(address)) throw new LiveConfigError(`ARO_LABS_RESOLVE: "${entry}" is not host:port:address`);
    return { host: m[1].toLowerCase(), port: Number(m[2]), address, ...(m[4] ? { connectPort: Number(m[4]) } : {}) };
  });
}

/** The default subscription of `az login` (azureProfile.json), unless AZURE_SUBSCRIPTION_ID names one. */
function subscriptionEntry(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  const dir = env.AZURE_CONFIG_DIR ?? join(homedir(), '.azure');
  try {
    const text = readFileSync(join(dir, 'azureProfile.json'), 'utf8').replace(/^\uFEFF/, '');
    const subscriptions = (JSON.parse(text) as { subscriptions?: Array<Record<string, unknown>> }).subscriptions ?? [];
    return env.AZURE_SUBSCRIPTION_ID ? subscriptions.find((s) => s.id === env.AZURE_SUBSCRIPTION_ID) : subscriptions.find((s) => s.isDefault);
  } catch {
    return undefined;
  }
}

export function liveConfig(env: NodeJS.ProcessEnv = process.env): LiveConfig {
  const armEndpoint = endpointUrl(env.ARO_LABS_ARM_ENDPOINT ?? 'https://management.azure.com', 'ARO_LABS_ARM_ENDPOINT');
  const entry = subscriptionEntry(env);
  const subscription = env.AZURE_SUBSCRIPTION_ID ?? (entry?.id as string | undefined);
  if (!subscription) throw new LiveConfigError("no subscription: run 'az login' (or set AZURE_SUBSCRIPTION_ID)");
  const timeout = Number(env.ARO_LABS_TIMEOUT ?? 30);
  return {
    armEndpoint,
    armToken: env.ARO_LABS_ARM_TOKEN || undefined,
    subscription,
    account: entry ?? { id: subscription, isDefault: true, name: subscription, state: 'Enabled' },
    pins: parsePins(env.ARO_LABS_RESOLVE),
    dns: env.ARO_LABS_DNS || undefined,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : 30_000,
  };
}

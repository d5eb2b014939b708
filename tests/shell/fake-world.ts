// A minimal world for shell tests: no resources, every REST call answers 404.
import type { World } from '../../src/engine/world/types.ts';

export function emptyWorld(env: Record<string, string> = {}): World {
  return {
    source: 'fixture',
    info: {
      name: 'empty', title: 'Empty', summary: '', layout: 'today', clock: '2020-05-29T16:00:00Z', account: {},
      client: { publicIp: '198.51.100.7' }, resolver: '192.0.2.53', session: { env, namespace: 'default' }, tools: {}, app: { sqlVersion: '' },
    },
    arm: async () => ({ status: 404, body: null }),
    kube: async () => ({ status: 404, body: null }),
    resolve: async () => [],
    http: async (req) => ({ error: 'resolve', host: new URL(req.url).hostname }),
  };
}

// The bridge lets through the API server's version and health checks as kubectl reads them
// (`kubectl version`, `kubectl get --raw /healthz`), and nothing beside them outside /api and /apis.
import { describe, expect, it } from 'vitest';
import { kubeReadPath, PathRefusal } from '../../src/node/live/bridge-paths.ts';

describe('the bridge and the API server endpoints', () => {
  it('reads /api, /version, /healthz, /livez and /readyz', () => {
    for (const path of ['/api', '/version', '/healthz', '/livez', '/readyz']) expect(kubeReadPath(path)).toBe(path);
  });

  it('refuses them with a query or a sub-check, and any other top-level path', () => {
    for (const path of ['/version?x=1', '/healthz/etcd', '/metrics', '/nope']) expect(() => kubeReadPath(path)).toThrow(PathRefusal);
  });
});

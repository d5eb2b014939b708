// Reads of one live session, kept for a short time: a chapter runs the same `az network lb list`
// several times and should pay one round trip. Concurrent reads of the same path share one
// request. Failures and throttling are never kept, so the next try asks again.
import type { RestResponse } from '../../engine/index.ts';

export interface CachedSource {
  get(path: string): Promise<RestResponse>;
  /** Forget every kept answer; returns how many there were. */
  clear(): number;
  /** Requests that went over the network. */
  readonly calls: number;
}

export function cached(fetch: (path: string) => Promise<RestResponse>, ttlMs: number, now: () => number = Date.now): CachedSource {
  const kept = new Map<string, { at: number; answer: Promise<RestResponse> }>();
  let calls = 0;
  return {
    get(path) {
      const hit = kept.get(path);
      if (hit && now() - hit.at < ttlMs) return hit.answer;
      calls += 1;
      const answer = fetch(path).then((response) => {
        if (response.failure || response.status === 429 || response.status >= 500) kept.delete(path);
        return response;
      });
      kept.set(path, { at: now(), answer });
      return answer;
    },
    clear() {
      const size = kept.size;
      kept.clear();
      return size;
    },
    get calls() {
      return calls;
    },
  };
}

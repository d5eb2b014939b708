// What the site's storage code needs of a browser, for unit tests in Node: a localStorage whose
// quota can be set (a write past it throws QuotaExceededError, as browsers do) and a document that
// records the events the progress store dispatches.
import { vi } from 'vitest';

export class FakeStorage {
  private readonly items = new Map<string, string>();
  /** Characters (keys and values) the storage may hold. */
  quota = Number.POSITIVE_INFINITY;
  writes = 0;

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    let used = key.length + String(value).length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
    this.items.set(key, String(value));
    this.writes++;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}

export interface FakeBrowser {
  storage: FakeStorage;
  /** The types of the events dispatched on the document. */
  events: string[];
}

/** Installs a fresh fake; `vi.unstubAllGlobals()` takes it away. */
export function fakeBrowser(): FakeBrowser {
  const storage = new FakeStorage();
  const events: string[] = [];
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('document', {
    readyState: 'complete',
    dispatchEvent: (event: Event) => {
      events.push(event.type);
      return true;
    },
  });
  return { storage, events };
}

// The secrets a session has seen, found again in any text in one pass over it: each is indexed
// by its first characters, so the cost of a text is its length, not its length times the number
// of secrets (a cluster's `get secrets -A` teaches thousands).

/** Shorter values would match ordinary text, so they are not tracked as text. */
export const MIN_SECRET_LENGTH = 6;

export class KnownSecrets {
  /** First MIN_SECRET_LENGTH characters → the secrets that start with them (sorted longest first when next read). */
  private readonly byPrefix = new Map<string, string[]>();
  private readonly all = new Set<string>();
  private readonly unsorted = new Set<string[]>();

  get size(): number {
    return this.all.size;
  }

  has(secret: string): boolean {
    return this.all.has(secret);
  }

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.all.has(secret)) return;
    this.all.add(secret);
    const prefix = secret.slice(0, MIN_SECRET_LENGTH);
    const list = this.byPrefix.get(prefix) ?? [];
    list.push(secret);
    this.byPrefix.set(prefix, list);
    this.unsorted.add(list);
  }

  /** The length of the longest known secret that starts at `at` in the text; 0 when none does. */
  longestAt(text: string, at: number): number {
    if (this.all.size === 0) return 0;
    this.sort();
    return this.hitAt(text, at)?.length ?? 0;
  }

  /** Lists learnt into since the last read, longest first again. */
  private sort(): void {
    for (const list of this.unsorted) list.sort((a, b) => b.length - a.length);
    this.unsorted.clear();
  }

  private hitAt(text: string, at: number): string | undefined {
    return this.byPrefix.get(text.slice(at, at + MIN_SECRET_LENGTH))?.find((secret) => text.startsWith(secret, at));
  }

  /** The text with every known secret replaced, leftmost and longest first. */
  replace(text: string, replacement: string): string {
    if (this.all.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    this.sort();
    let out = '';
    let kept = 0;
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; ) {
      const hit = this.hitAt(text, i);
      if (hit === undefined) {
        i += 1;
        continue;
      }
      out += text.slice(kept, i) + replacement;
      i += hit.length;
      kept = i;
    }
    return kept === 0 ? text : out + text.slice(kept);
  }
}

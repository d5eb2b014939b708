// awk's associative arrays, iterated by `for (k in a)` in the order gawk 5 iterates them: that
// order is what a reader sees printed, so the lab keeps gawk's layout. An array takes its kind from
// its first subscript: whole numbers make an integer array (the non-negative ones iterated in
// ascending order, after the others), anything else a string hash table of gawk's sizes (13, 127,
// 1021 … buckets, grown when chains average more than two), each chain newest first, its buckets
// in order, gawk's sdbm hash of the subscript's bytes choosing the bucket.
import type { Value } from './values.ts';

const SIZES = [13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583, 2097169, 4194319, 8388617];
const CHAIN_MAX = 2;
const encoder = new TextEncoder();

/** gawk's awk_hash: sdbm over the bytes (as signed chars), kept to 32 bits. */
function hash(key: string): number {
  let h = 0;
  for (const byte of encoder.encode(key)) {
    const c = byte >= 128 ? byte - 256 : byte;
    h = (c + Math.imul(65599, h)) >>> 0;
  }
  return h;
}

/** The insertion order of gawk's string hash table. */
class StringTable {
  private buckets: string[][] = [];
  private count = 0;

  private grow(): void {
    const size = SIZES.find((s) => s > this.buckets.length) ?? this.buckets.length;
    if (size === this.buckets.length) return;
    const old = this.buckets;
    this.buckets = Array.from({ length: size }, () => []);
    for (const chain of old) for (const key of chain) this.buckets[hash(key) % size].unshift(key);
  }

  add(key: string): void {
    if (this.buckets.length === 0) this.grow();
    this.count++;
    if (Math.floor(this.count / this.buckets.length) > CHAIN_MAX) this.grow();
    this.buckets[hash(key) % this.buckets.length].unshift(key);
  }

  remove(key: string): void {
    const chain = this.buckets[hash(key) % this.buckets.length];
    const at = chain?.indexOf(key) ?? -1;
    if (at < 0) return;
    chain.splice(at, 1);
    if (--this.count === 0) this.buckets = [];
  }

  keys(): string[] {
    return this.buckets.flat();
  }
}

const WHOLE = /^(0|-?[1-9][0-9]{0,17})$/;

export class AwkArray {
  private readonly values = new Map<string, Value>();
  private kind: 'none' | 'string' | 'integer' = 'none';
  private strings = new StringTable();
  private readonly integers = new Set<number>();

  get size(): number {
    return this.values.size;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): Value {
    return this.values.get(key);
  }

  set(key: string, value: Value): void {
    if (!this.values.has(key)) {
      if (this.kind === 'none') this.kind = WHOLE.test(key) && !key.startsWith('-') ? 'integer' : 'string';
      if (this.kind === 'integer' && WHOLE.test(key) && !key.startsWith('-')) this.integers.add(Number(key));
      else this.strings.add(key);
    }
    this.values.set(key, value);
  }

  delete(key: string): void {
    if (!this.values.delete(key)) return;
    if (this.kind === 'integer' && WHOLE.test(key) && !key.startsWith('-')) this.integers.delete(Number(key));
    else this.strings.remove(key);
    // An emptied array takes its kind from its next first subscript again.
    if (this.values.size === 0) this.clear();
  }

  clear(): void {
    this.values.clear();
    this.integers.clear();
    this.strings = new StringTable();
    this.kind = 'none';
  }

  /** The subscripts in gawk's `for (k in a)` order. */
  keys(): string[] {
    return [...this.strings.keys(), ...[...this.integers].sort((a, b) => a - b).map(String)];
  }
}

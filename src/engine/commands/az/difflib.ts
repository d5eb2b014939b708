// Python difflib's SequenceMatcher.ratio and get_close_matches, which az uses to suggest a
// command word ("Did you mean 'lb' ?"). Inputs are short words, so no junk heuristics.

function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let best: [number, number, number] = [alo, blo, 0];
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > best[2]) best = [i - k + 1, j - k + 1, k];
    }
    lengths = next;
  }
  return best;
}

function matchingCharacters(a: string, b: string): number {
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  let total = 0;
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  return total ? (2 * matchingCharacters(a, b)) / total : 1;
}

/** Best matches first, like difflib.get_close_matches(word, possibilities, n, cutoff). */
export function closeMatches(word: string, possibilities: string[], n = 3, cutoff = 0.6): string[] {
  return possibilities
    .map((p) => ({ p, score: ratio(word, p) }))
    .filter((x) => x.score >= cutoff)
    .sort((x, y) => y.score - x.score || (x.p < y.p ? 1 : x.p > y.p ? -1 : 0))
    .slice(0, n)
    .map((x) => x.p);
}

// bash's brace expansion, the first expansion of a word: `a{b,c}d`, `{1..10..3}`, `{01..10}`,
// `{a..e}`, nested braces. It works on the word's parts so that quoted braces and the insides
// of `$`-expansions are never taken for it.
import type { Part, Word } from './ast.ts';

/** One unquoted character of the word's literal text, or any other part, kept whole. */
type Item = { ch: string } | { part: Part };

/** Words produced from this many alternatives at most; past it the braces stay as typed. */
const MAX_WORDS = 100_000;

function toItems(word: Word): Item[] {
  const items: Item[] = [];
  for (const part of word.parts) {
    if (part.kind === 'literal' && !part.quoted) for (const ch of part.text) items.push({ ch });
    else items.push({ part });
  }
  return items;
}

function toWord(items: Item[]): Word {
  const parts: Part[] = [];
  let text = '';
  for (const item of items) {
    if ('ch' in item) text += item.ch;
    else {
      if (text) parts.push({ kind: 'literal', text, quoted: false });
      text = '';
      parts.push(item.part);
    }
  }
  if (text) parts.push({ kind: 'literal', text, quoted: false });
  return { parts };
}

const isChar = (item: Item | undefined, ch: string) => item !== undefined && 'ch' in item && item.ch === ch;

/** The `}` closing the `{` at `open`, and the top-level commas between; null if none closes it. */
function closing(items: Item[], open: number): { close: number; commas: number[] } | null {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open + 1; i < items.length; i++) {
    if (isChar(items[i], '{')) depth++;
    else if (isChar(items[i], '}')) {
      if (depth === 0) return { close: i, commas };
      depth--;
    } else if (isChar(items[i], ',') && depth === 0) commas.push(i);
  }
  return null;
}

/** `{x..y[..step]}`'s words, or null when the text is no sequence. */
function sequence(text: string): string[] | null {
  const m = /^(?:([+-]?\d+)\.\.([+-]?\d+)|([A-Za-z])\.\.([A-Za-z]))(?:\.\.([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const step = Math.abs(Number(m[5] ?? 1)) || 1;
  const out: string[] = [];
  if (m[1] !== undefined) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    const padded = /^[+-]?0\d/.test(m[1]) || /^[+-]?0\d/.test(m[2]);
    const width = padded ? Math.max(m[1].length, m[2].length) : 0;
    const count = Math.floor(Math.abs(to - from) / step) + 1;
    if (count > MAX_WORDS) return null;
    for (let i = 0, v = from; i < count; i++, v += from <= to ? step : -step) {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(`${v < 0 ? '-' : ''}${digits}`);
    }
    return out;
  }
  const from = m[3].charCodeAt(0);
  const to = m[4].charCodeAt(0);
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) out.push(String.fromCharCode(v));
  return out;
}

function expandItems(items: Item[], budget: { words: number }): Item[][] {
  for (let open = 0; open < items.length; open++) {
    if (!isChar(items[open], '{')) continue;
    // `${` never starts a brace expansion (bash leaves it to parameter expansion).
    if (open > 0 && isChar(items[open - 1], '$')) continue;
    const found = closing(items, open);
    if (!found) continue;
    const prefix = items.slice(0, open);
    const suffix = items.slice(found.close + 1);
    let alternatives: Item[][];
    if (found.commas.length) {
      const bounds = [open, ...found.commas, found.close];
      alternatives = bounds.slice(0, -1).map((b, i) => items.slice(b + 1, bounds[i + 1]));
    } else {
      const inner = items.slice(open + 1, found.close);
      const chars = inner.flatMap((i) => ('ch' in i ? [i.ch] : []));
      const text = chars.length === inner.length ? chars.join('') : null;
      const words = text === null ? null : sequence(text);
      if (!words) continue;
      // bash's sequence gives a backslash unquoted, which quote removal then takes away: an empty word.
      alternatives = words.map((w) => (w === '\\' ? [''] : [...w]).map((ch): Item => ({ part: { kind: 'literal', text: ch, quoted: true } })));
    }
    budget.words += alternatives.length;
    if (budget.words > MAX_WORDS) return [items];
    const out: Item[][] = [];
    for (const alternative of alternatives) {
      for (const expanded of expandItems([...prefix, ...alternative, ...suffix], budget)) out.push(expanded);
    }
    return out;
  }
  return [items];
}

/** The words a word becomes by brace expansion (itself alone when it has no braces to expand). */
export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.kind === 'literal' && !p.quoted && p.text.includes('{'))) return [word];
  return expandItems(toItems(word), { words: 0 }).map(toWord);
}

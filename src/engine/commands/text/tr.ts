// GNU tr (coreutils 9) on bytes: sets with escapes, ranges, [:class:], [=c=] and [c*n]; -d, -s,
// -c/-C, -t; SET2 padded with its last byte as GNU does; GNU's errors (an operand quoted ‘so’, as
// coreutils quotes under a UTF-8 locale).
import type { Command } from '../types.ts';
import { OptionError, parseOptions } from './options.ts';
import { helpOrVersion } from './gnu-info.ts';
import { TR_HELP, TR_VERSION } from './coreutils-texts.ts';

class TrError extends Error {}

const CLASSES: Record<string, (b: number) => boolean> = {
  alnum: (b) => CLASSES.alpha(b) || CLASSES.digit(b),
  alpha: (b) => CLASSES.upper(b) || CLASSES.lower(b),
  blank: (b) => b === 9 || b === 32,
  cntrl: (b) => b < 32 || b === 127,
  digit: (b) => b >= 48 && b <= 57,
  graph: (b) => b > 32 && b < 127,
  lower: (b) => b >= 97 && b <= 122,
  print: (b) => b >= 32 && b < 127,
  punct: (b) => CLASSES.graph(b) && !CLASSES.alnum(b),
  space: (b) => (b >= 9 && b <= 13) || b === 32,
  upper: (b) => b >= 65 && b <= 90,
  xdigit: (b) => CLASSES.digit(b) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102),
};

type Item = { byte: number } | { cls: string; bytes: number[] } | { repeat: number; count?: number };

/** One set operand's bytes after its backslash escapes: each with whether it was escaped. */
function unescape(text: string): Array<{ byte: number; escaped: boolean }> {
  const bytes = [...new TextEncoder().encode(text)];
  const out: Array<{ byte: number; escaped: boolean }> = [];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 92 || i === bytes.length - 1) {
      out.push({ byte: bytes[i], escaped: false });
      continue;
    }
    const c = String.fromCharCode(bytes[++i]);
    if (c in simple) out.push({ byte: simple[c], escaped: true });
    else if (c >= '0' && c <= '7') {
      let digits = c;
      while (digits.length < 3 && i + 1 < bytes.length && bytes[i + 1] >= 48 && bytes[i + 1] <= 55 && parseInt(digits + String.fromCharCode(bytes[i + 1]), 8) <= 255) digits += String.fromCharCode(bytes[++i]);
      out.push({ byte: parseInt(digits, 8), escaped: true });
    } else out.push({ byte: bytes[i], escaped: true });
  }
  return out;
}

const show = (bytes: Array<{ byte: number }>) => new TextDecoder().decode(new Uint8Array(bytes.map((b) => b.byte)));

/** A set operand parsed into bytes, classes and [c*n] repeats. */
function parseSet(text: string): Item[] {
  const b = unescape(text);
  const items: Item[] = [];
  const is = (i: number, ch: string) => i < b.length && !b[i].escaped && b[i].byte === ch.charCodeAt(0);
  for (let i = 0; i < b.length; i++) {
    if (is(i, '[') && (is(i + 1, ':') || is(i + 1, '='))) {
      const delim = String.fromCharCode(b[i + 1].byte);
      let j = i + 2;
      while (j + 1 < b.length && !(is(j, delim) && is(j + 1, ']'))) j++;
      if (j + 1 < b.length) {
        const inner = show(b.slice(i + 2, j));
        if (delim === ':') {
          if (!(inner in CLASSES)) throw new TrError(`invalid character class ‘${inner}’`);
          items.push({ cls: inner, bytes: Array.from({ length: 256 }, (_, k) => k).filter(CLASSES[inner]) });
        } else {
          if (j - (i + 2) !== 1) throw new TrError(`${inner}: equivalence class operand must be a single character`);
          items.push({ byte: b[i + 2].byte });
        }
        i = j + 1;
        continue;
      }
    }
    if (is(i, '[') && i + 2 < b.length && is(i + 2, '*')) {
      let j = i + 3;
      while (j < b.length && !is(j, ']')) j++;
      if (j < b.length) {
        const count = show(b.slice(i + 3, j));
        if (count !== '' && !/^[0-9]+$/.test(count)) throw new TrError(`invalid repeat count ‘${count}’ in [c*n] construct`);
        // Past 64 Ki more bytes than any set could need, a count changes nothing: the lab keeps it that short.
        const n = count === '' ? undefined : Math.min(count.startsWith('0') ? parseInt(count, 8) : parseInt(count, 10), 65536 + b.length);
        items.push({ repeat: b[i + 1].byte, count: n === 0 ? undefined : n });
        i = j;
        continue;
      }
    }
    if (i + 2 < b.length && is(i + 1, '-')) {
      const from = b[i].byte;
      const to = b[i + 2].byte;
      if (to < from) throw new TrError(`range-endpoints of '${show(b.slice(i, i + 3))}' are in reverse collating sequence order`);
      for (let k = from; k <= to; k++) items.push({ byte: k });
      i += 2;
      continue;
    }
    items.push({ byte: b[i].byte });
  }
  return items;
}

/** The bytes a set stands for; a [c*] fills SET2 up to `fill` bytes. */
function expand(items: Item[], fill = 0): number[] {
  const fixed = items.reduce((n, it) => n + ('byte' in it ? 1 : 'cls' in it ? it.bytes.length : it.count ?? 0), 0);
  const out: number[] = [];
  for (const it of items) {
    if ('byte' in it) out.push(it.byte);
    else if ('cls' in it) out.push(...it.bytes);
    else out.push(...Array(it.count ?? Math.max(0, fill - fixed)).fill(it.repeat));
  }
  return out;
}

export const tr: Command = {
  name: 'tr',
  summary: 'Translate, delete (-d) or squeeze (-s) characters of the input: ranges a-z, [:upper:] classes, -c complement.',
  async run(ctx) {
    const info = helpOrVersion(ctx.argv.slice(1), TR_HELP, TR_VERSION);
    if (info) {
      ctx.stdout.write(info);
      return 0;
    }
    let options;
    try {
      options = parseOptions('tr', ctx.argv.slice(1), 'cCdst', '', { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' });
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      ctx.stderr.write(`${error.message}\nTry 'tr --help' for more information.\n`);
      return 1;
    }
    const f = options.flags;
    const complement = f.has('c') || f.has('C');
    const del = f.has('d');
    const squeeze = f.has('s');
    const [set1, set2, extra] = options.operands;
    const fail = (message: string) => {
      ctx.stderr.write(`tr: ${message}\nTry 'tr --help' for more information.\n`);
      return 1;
    };
    if (set1 === undefined) return fail('missing operand');
    const translating = !del && set2 !== undefined;
    if (!del && !squeeze && set2 === undefined) return fail(`missing operand after ‘${set1}’\nTwo strings must be given when translating.`);
    if (del && !squeeze && set2 !== undefined) return fail(`extra operand ‘${set2}’\nOnly one string may be given when deleting without squeezing repeats.`);
    if (extra !== undefined) return fail(`extra operand ‘${extra}’`);
    try {
      const items1 = parseSet(set1);
      if (items1.some((it) => 'repeat' in it && it.count === undefined)) throw new TrError('the [c*] repeat construct may not appear in string1');
      const items2 = set2 === undefined ? undefined : parseSet(set2);
      let bytes1 = expand(items1);
      if (complement) {
        const inSet = new Set(bytes1);
        bytes1 = Array.from({ length: 256 }, (_, k) => k).filter((k) => !inSet.has(k));
      }
      let bytes2 = items2 ? expand(items2, bytes1.length) : [];
      if (translating) {
        if (items2!.some((it) => 'cls' in it && it.cls !== 'upper' && it.cls !== 'lower')) {
          throw new TrError("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
        }
        // An [:upper:] or [:lower:] of SET2 must face a case class of SET1, where it maps one case to the other.
        const caseAt = (items: Item[]) => {
          const at = new Map<number, string>();
          let offset = 0;
          for (const it of items) {
            if ('cls' in it && (it.cls === 'upper' || it.cls === 'lower')) at.set(offset, it.cls);
            offset += 'byte' in it ? 1 : 'cls' in it ? it.bytes.length : it.count ?? 0;
          }
          return at;
        };
        const cases1 = complement ? new Map<number, string>() : caseAt(items1);
        for (const [offset] of caseAt(items2!)) {
          if (!cases1.has(offset)) throw new TrError('misaligned [:upper:] and/or [:lower:] construct');
        }
        if (bytes2.length === 0 && bytes1.length > 0) throw new TrError('when not truncating set1, string2 must be non-empty');
        if (f.has('t')) bytes1 = bytes1.slice(0, bytes2.length);
        else while (bytes2.length < bytes1.length) bytes2.push(bytes2[bytes2.length - 1]);
      }
      const map = new Map<number, number>();
      if (translating) bytes1.forEach((b, i) => map.set(b, bytes2[i]));
      const deleted = new Set(del ? bytes1 : []);
      const squeezed = new Set(squeeze ? (translating || del ? bytes2 : bytes1) : []);
      const out: number[] = [];
      for (const byte of new TextEncoder().encode(ctx.stdin)) {
        if (deleted.has(byte)) continue;
        const mapped = map.get(byte) ?? byte;
        if (squeezed.has(mapped) && out[out.length - 1] === mapped) continue;
        out.push(mapped);
      }
      ctx.stdout.write(new TextDecoder().decode(new Uint8Array(out)));
      return 0;
    } catch (error) {
      if (!(error instanceof TrError)) throw error;
      ctx.stderr.write(`tr: ${error.message}\n`);
      return 1;
    }
  },
};

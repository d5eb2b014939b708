// awk's regular expressions on the lab's POSIX engine (the one grep uses: leftmost-longest, with a
// step budget, so no pattern can freeze the page), after gawk's own escapes are read: \y is a word
// edge, \t \n \/ \" and octal escapes stand for their characters.
import { Regex, RegexBudgetError, RegexTooBigError, Subject } from '../../../regex/index.ts';
import { parsePosix, PosixSyntaxError } from '../../../regex/posix.ts';

interface Fatal {
  fatal(message: string): never;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', '/': '/', '"': '"' };

/** gawk's regex text as a POSIX ERE the engine reads. */
export function toPosix(source: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c !== '\\' || i === source.length - 1) {
      // A repetition with nothing before it is a literal character to gawk (grep's ERE drops it).
      const atStart = out === '' || (!inBracket && /(^|[^\\])[(|]$/.test(out));
      if (!inBracket && atStart && '*+?{'.includes(c)) out += `\\${c}`;
      else out += c;
      if (!inBracket && c === '[') inBracket = true;
      else if (inBracket && c === ']' && !/\[\^?$/.test(out.slice(0, -1).slice(out.lastIndexOf('[')))) inBracket = false;
      continue;
    }
    const e = source[++i];
    if (e in SIMPLE) out += SIMPLE[e];
    else if (e === 'y') out += '\\b';
    else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(source.slice(i))!;
      const ch = String.fromCharCode(parseInt(m[0], 8));
      out += /[.[\]()*+?{}|^$\\]/.test(ch) ? `\\${ch}` : ch;
      i += m[0].length - 1;
    } else out += `\\${e}`;
  }
  return out;
}

/** Code point positions of a subject as UTF-16 offsets of its text. */
function offsets(text: string): ((cp: number) => number) {
  if (!/[\ud800-\udfff]/.test(text)) return (cp) => cp;
  const units: number[] = [];
  let i = 0;
  for (const ch of text) {
    units.push(i);
    i += ch.length;
  }
  units.push(i);
  return (cp) => units[cp];
}

export class AwkRegexes {
  private readonly cache = new Map<string, Regex>();
  /** gawk's IGNORECASE: every match ignores case while it is set. */
  ignoreCase = false;

  /** The compiled pattern; a pattern the engine rejects is gawk's fatal error. */
  compile(source: string, host: Fatal): Regex {
    const key = `${this.ignoreCase ? 'i' : 's'}${source}`;
    let regex = this.cache.get(key);
    if (!regex) {
      try {
        const parsed = parsePosix(toPosix(source), true, this.ignoreCase);
        regex = new Regex(parsed.node, parsed.groups);
      } catch (error) {
        if (error instanceof PosixSyntaxError) host.fatal(`${error.message}: /${source}/`);
        if (error instanceof RegexTooBigError || error instanceof RangeError) host.fatal(`the lab cannot run /${source}/: ${error.message}`);
        throw error;
      }
      this.cache.set(key, regex);
    }
    return regex;
  }

  test(source: string, text: string, host: Fatal): boolean {
    const regex = this.compile(source, host);
    try {
      return regex.test(new Subject(text));
    } catch (error) {
      if (error instanceof RegexBudgetError) host.fatal(`the lab stopped /${source}/: ${error.message}`);
      throw error;
    }
  }

  /** The leftmost-longest match at or after `from` (UTF-16 offsets), with its groups' spans. */
  match(source: string, text: string, host: Fatal, from = 0): number[] | null {
    const regex = this.compile(source, host);
    const subject = new Subject(text);
    const at = offsets(text);
    const startCp = [...text.slice(0, from)].length;
    let m;
    try {
      m = regex.search(subject, startCp, 'longest', true);
    } catch (error) {
      if (error instanceof RegexBudgetError) host.fatal(`the lab stopped /${source}/: ${error.message}`);
      throw error;
    }
    if (!m) return null;
    return Array.from({ length: m.length }, (_, i) => (m[i] < 0 ? -1 : at(m[i])));
  }

  search(source: string, text: string, from: number, host: Fatal): [number, number] | null {
    const m = this.match(source, text, host, from);
    return m ? [m[0], m[1]] : null;
  }

  /** sub and gsub: `&` is the match, `\&` a literal ampersand, `\\` a backslash. */
  substitute(source: string, text: string, replacement: string, limit: number, host: Fatal): { result: string; count: number } {
    return this.replace(source, text, limit, host, (m) => {
      let out = '';
      for (let i = 0; i < replacement.length; i++) {
        const c = replacement[i];
        if (c === '\\' && (replacement[i + 1] === '&' || replacement[i + 1] === '\\')) out += replacement[++i];
        else if (c === '&') out += text.slice(m[0], m[1]);
        else out += c;
      }
      return out;
    });
  }

  /** gensub: `\0` and `&` the match, `\N` a group; `which` 0 replaces every match, N only the Nth. */
  gensub(source: string, text: string, replacement: string, which: number, host: Fatal): string {
    let n = 0;
    return this.replace(source, text, Infinity, host, (m) => {
      n++;
      if (which !== 0 && n !== which) return text.slice(m[0], m[1]);
      let out = '';
      for (let i = 0; i < replacement.length; i++) {
        const c = replacement[i];
        const d = replacement[i + 1];
        if (c === '\\' && d !== undefined && /[0-9]/.test(d)) {
          const g = Number(d);
          out += m[g * 2] >= 0 && g * 2 < m.length ? text.slice(m[g * 2], m[g * 2 + 1]) : '';
          i++;
        } else if (c === '\\' && (d === '&' || d === '\\')) out += replacement[++i];
        else if (c === '&') out += text.slice(m[0], m[1]);
        else out += c;
      }
      return out;
    }).result;
  }

  private replace(source: string, text: string, limit: number, host: Fatal, replace: (m: number[]) => string): { result: string; count: number } {
    let out = '';
    let pos = 0;
    let count = 0;
    let lastEnd = -1;
    while (pos <= text.length && count < limit) {
      const m = this.match(source, text, host, pos);
      if (!m) break;
      const [start, end] = m;
      if (start === end && start === lastEnd) {
        // An empty match right after the previous match is not a match: step over one character.
        if (start >= text.length) break;
        const ch = String.fromCodePoint(text.codePointAt(start)!);
        out += text.slice(pos, start) + ch;
        pos = start + ch.length;
        continue;
      }
      out += text.slice(pos, start) + replace(m);
      count++;
      lastEnd = end;
      if (start === end) {
        if (start >= text.length) {
          pos = text.length + 1;
          break;
        }
        const ch = String.fromCodePoint(text.codePointAt(start)!);
        out += ch;
        pos = start + ch.length;
      } else pos = end;
    }
    if (pos <= text.length) out += text.slice(pos);
    return { result: out, count };
  }
}

// bash's patterns (`*`, `?`, `[…]` with `!`/`^` and POSIX classes), as JavaScript regular
// expressions: used by `${x#p}`, `${x/p/r}`, `case` and `[[ x == p ]]`. Quoted characters match
// themselves.
import { LabLimitError } from '../limits.ts';

export interface PatternPiece {
  text: string;
  /** Quoted text (or text from a quoted expansion) matches literally. */
  quoted: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

const escape = (c: string) => ('\\^$.*+?()[]{}|/'.includes(c) ? `\\${c}` : c);
const escapeInClass = (c: string) => ('\\]-^['.includes(c) ? `\\${c}` : c);

/** A bracket expression starting at text[i] === '[': its regex and where it ends, or null if it does not close. */
function bracket(text: string, i: number): { source: string; end: number } | null {
  let j = i + 1;
  let negate = false;
  if (text[j] === '!' || text[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  while (j < text.length) {
    const c = text[j];
    if (c === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: j + 1 };
    first = false;
    if (c === '[' && text[j + 1] === ':') {
      const close = text.indexOf(':]', j + 2);
      if (close > 0 && CLASSES[text.slice(j + 2, close)] !== undefined) {
        body += CLASSES[text.slice(j + 2, close)];
        j = close + 2;
        continue;
      }
    }
    if (c === '\\' && j + 1 < text.length) {
      body += escapeInClass(text[j + 1]);
      j += 2;
      continue;
    }
    if (c === '-' && body && text[j + 1] !== ']' && j + 1 < text.length) {
      body += '-';
      j++;
      continue;
    }
    body += escapeInClass(c);
    j++;
  }
  return null;
}

/** The regular-expression source of a pattern; `lazy`: `*` takes as little as it can. */
export function patternSource(pieces: PatternPiece[], lazy = false): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.quoted) {
      for (const c of piece.text) out += escape(c);
      continue;
    }
    const t = piece.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === '*') out += lazy ? '[\\s\\S]*?' : '[\\s\\S]*';
      else if (c === '?') out += '[\\s\\S]';
      else if (c === '\\' && i + 1 < t.length) out += escape(t[++i]);
      else if (c === '[') {
        const b = bracket(t, i);
        if (b) {
          out += b.source;
          i = b.end - 1;
        } else out += '\\[';
      } else out += escape(c);
    }
  }
  return out;
}

/** Whether the whole of `text` matches the pattern. */
export function matchesPattern(text: string, pieces: PatternPiece[]): boolean {
  return patternRegExp(`^(?:${patternSource(pieces)})$`).test(text);
}

/** A pattern's regular expression, compiled at once: one too large for the browser's engine (a word
 * of thousands of brackets) stops the command with the lab's message, not an internal error. */
export function patternRegExp(source: string, flags = 'u'): RegExp {
  try {
    const re = new RegExp(source, flags);
    re.test(''); // the engine compiles on first use; a size error shows only then
    re.lastIndex = 0;
    return re;
  } catch {
    throw new LabLimitError('the lab cannot match a pattern this large');
  }
}

/** Whether the pattern holds any character with a special meaning. */
export function hasGlob(pieces: PatternPiece[]): boolean {
  return pieces.some((p) => !p.quoted && /[*?[]/.test(p.text));
}

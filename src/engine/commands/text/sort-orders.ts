// The orders of GNU sort beyond bytes and -n: -V (coreutils' filevercmp), -h (human sizes) and -g
// (general numbers). Written here rather than taken from a library because each must match
// coreutils' own rules, which no version-sorting package follows (suffixes, `~`, hidden names).

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string) => /^[A-Za-z]$/.test(c);

/** verrevcmp's weight of a non-digit: letters first, `~` before everything, others after letters. */
function weight(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** Debian's version comparison: non-digit runs by weight, digit runs by value. */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = weight(a[i]);
      const bc = weight(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Length of a name without its suffix: the trailing run of `.X…` parts, X a letter or `~`. */
function prefixLength(name: string): number {
  const m = /(?:\.[A-Za-z~][A-Za-z0-9~]*)*$/.exec(name);
  return m ? m.index : name.length;
}

/** sort -V: names compare without their suffixes first; empty, `.`, `..` and hidden names lead. */
export function versionCompare(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  for (const special of ['.', '..']) {
    if (a === special) return -1;
    if (b === special) return 1;
  }
  const hiddenA = a.startsWith('.');
  const hiddenB = b.startsWith('.');
  if (hiddenA !== hiddenB) return hiddenA ? -1 : 1;
  const [x, y] = hiddenA ? [a.slice(1), b.slice(1)] : [a, b];
  const px = prefixLength(x);
  const py = prefixLength(y);
  const result = verrevcmp(x.slice(0, px), y.slice(0, py));
  if (result || (px === x.length && py === y.length)) return Math.sign(result);
  return Math.sign(verrevcmp(x, y));
}

const SUFFIXES = 'KMGTPEZYRQ';

/** sort -h: the sign, then the size suffix (none < K < M …; `k` is K), then the number. */
export function humanCompare(a: string, b: string): number {
  const parse = (text: string) => {
    const m = /^[ \t]*(-?)(\d*(?:\.\d*)?)([kKMGTPEZYRQ]?)/.exec(text);
    const number = m && /\d/.test(m[2]) ? Number.parseFloat(m[2]) : 0;
    const sign = m && /\d/.test(m[2]) && /[1-9]/.test(m[2]) ? (m[1] ? -1 : 1) : 0;
    const suffix = m && sign && m[3] ? SUFFIXES.indexOf(m[3].toUpperCase()) + 1 : 0;
    return { sign, suffix, number };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.sign !== y.sign) return Math.sign(x.sign - y.sign);
  const bySuffix = Math.sign(x.suffix - y.suffix) || Math.sign(x.number - y.number);
  return x.sign < 0 ? -bySuffix : bySuffix;
}

/** sort -g: the leading floating-point number (strtod's forms); text that is none comes first, then NaN. */
export function generalCompare(a: string, b: string): number {
  const parse = (text: string): number | undefined => {
    const m = /^[ \t]*([+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))/i.exec(text);
    if (!m) return undefined;
    const t = m[1].toLowerCase();
    if (t.includes('nan')) return Number.NaN;
    if (t.includes('inf')) return t.startsWith('-') ? -Infinity : Infinity;
    return /0x/.test(t) ? (t.startsWith('-') ? -1 : 1) * Number.parseInt(t.replace(/^[+-]?0x/, ''), 16) : Number.parseFloat(t);
  };
  const rank = (n: number | undefined) => (n === undefined ? 0 : Number.isNaN(n) ? 1 : 2);
  const x = parse(a);
  const y = parse(b);
  if (rank(x) !== rank(y) || rank(x) < 2) return Math.sign(rank(x) - rank(y));
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

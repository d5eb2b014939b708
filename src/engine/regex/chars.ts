// Character classes as predicates on one code point. The Unicode tests use fixed JavaScript
// property escapes on a single character, which cost constant time whatever the pattern, and
// remember their answers.
import type { CharTest, Node } from './ast.ts';

/** Astral code points a test remembers before it starts over. */
const ASTRAL_MEMO = 65536;

let firstLookups = 0;

/**
 * Answers worked out for the first time since the last call: each costs far more than a
 * matcher's step (a property escape, a case mapping), so the search that caused them pays for them.
 */
export function takeFirstLookups(): number {
  const n = firstLookups;
  firstLookups = 0;
  return n;
}

/**
 * A Unicode property test, remembered per code point: a property escape costs far more than a
 * matcher's step, and a text repeats its characters.
 */
export function has(re: RegExp): CharTest {
  let bmp: Uint8Array | undefined; // 0 unknown, 1 no, 2 yes
  const astral = new Map<number, boolean>();
  return (cp) => {
    if (cp < 0x10000) {
      bmp ??= new Uint8Array(0x10000);
      let known = bmp[cp];
      if (known === 0) {
        bmp[cp] = known = re.test(String.fromCodePoint(cp)) ? 2 : 1;
        firstLookups++;
      }
      return known === 2;
    }
    let known = astral.get(cp);
    if (known === undefined) {
      if (astral.size >= ASTRAL_MEMO) astral.clear();
      astral.set(cp, (known = re.test(String.fromCodePoint(cp))));
      firstLookups++;
    }
    return known;
  };
}

const isAlphabetic = has(/\p{Alphabetic}/u);
const isDecimal = has(/\p{Nd}/u);
const isUppercase = has(/\p{Uppercase}/u);
const isLowercase = has(/\p{Lowercase}/u);
const isUnassignedOrControl = has(/[\p{Cn}\p{Cs}\p{Co}\p{Cc}\u2028\u2029]/u);
const isUnicodeSpace = has(/[\p{Zs}\u2028\u2029]/u);
const isPunctuation = has(/\p{P}/u);
const isOnigWord = has(/[\p{L}\p{M}\p{Nd}\p{Pc}]/u);
const isWhiteSpace = has(/\p{White_Space}/u);
const isOnigCntrl = has(/[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\u2028\u2029]/u);
const isFormatOrControl = has(/[\p{Cc}\p{Cf}\u2028\u2029]/u);

/** Spaces that glibc leaves out of [[:space:]]: the no-break ones. */
const NO_BREAK = new Set([0xa0, 0x2007, 0x202f]);
const isAsciiDigit: CharTest = (cp) => cp >= 0x30 && cp <= 0x39;
const isAsciiAlnum: CharTest = (cp) => isAsciiDigit(cp) || ((cp | 32) >= 97 && (cp | 32) <= 122);
const isXdigit: CharTest = (cp) => isAsciiDigit(cp) || (cp >= 0x41 && cp <= 0x46) || (cp >= 0x61 && cp <= 0x66);

// glibc's C.UTF-8 classes, which GNU grep uses: [[:digit:]] is ASCII only, other decimal digits count as letters.
const posixSpace: CharTest = (cp) => (cp >= 9 && cp <= 13) || cp === 32 || (cp > 127 && isUnicodeSpace(cp) && !NO_BREAK.has(cp));
const posixAlpha: CharTest = (cp) => (cp < 128 ? (cp | 32) >= 97 && (cp | 32) <= 122 : isAlphabetic(cp) || isDecimal(cp));
const posixAlnum: CharTest = (cp) => posixAlpha(cp) || isAsciiDigit(cp);
const posixCntrl: CharTest = (cp) => cp < 32 || cp === 127 || (cp >= 0x80 && cp < 0xa0) || cp === 0x2028 || cp === 0x2029;
const posixPrint: CharTest = (cp) => (cp < 128 ? cp >= 32 && cp < 127 : !isUnassignedOrControl(cp));
const posixGraph: CharTest = (cp) => posixPrint(cp) && !posixSpace(cp) && cp !== 32 && !(cp > 127 && isUnicodeSpace(cp));
const posixPunct: CharTest = (cp) => posixGraph(cp) && !posixAlnum(cp);

export const GREP_CLASSES: Record<string, CharTest> = {
  alpha: posixAlpha,
  digit: isAsciiDigit,
  alnum: posixAlnum,
  upper: (cp) => (cp < 128 ? cp >= 65 && cp <= 90 : isUppercase(cp)),
  lower: (cp) => (cp < 128 ? cp >= 97 && cp <= 122 : isLowercase(cp)),
  space: posixSpace,
  blank: (cp) => cp === 32 || cp === 9 || (cp > 127 && isUnicodeSpace(cp) && !NO_BREAK.has(cp) && cp !== 0x2028 && cp !== 0x2029),
  punct: posixPunct,
  print: posixPrint,
  graph: posixGraph,
  cntrl: posixCntrl,
  xdigit: isXdigit,
};

/** grep's word characters (\w, \b, \<, -w): letters, digits and the underscore. */
export const grepWord: CharTest = (cp) => cp === 95 || posixAlnum(cp);

/** Oniguruma's Unicode word characters (\w, \b). */
export const onigWord: CharTest = (cp) => (cp < 128 ? cp === 95 || isAsciiDigit(cp) || ((cp | 32) >= 97 && (cp | 32) <= 122) : isOnigWord(cp));
export const onigDigit: CharTest = (cp) => (cp < 128 ? isAsciiDigit(cp) : isDecimal(cp));
export const onigSpace: CharTest = (cp) => (cp < 128 ? (cp >= 9 && cp <= 13) || cp === 32 : isWhiteSpace(cp));

/** Oniguruma's POSIX brackets in UTF-8. */
export const ONIG_CLASSES: Record<string, CharTest> = {
  alpha: (cp) => (cp < 128 ? (cp | 32) >= 97 && (cp | 32) <= 122 : isAlphabetic(cp)),
  digit: onigDigit,
  alnum: (cp) => (cp < 128 ? isAsciiDigit(cp) || ((cp | 32) >= 97 && (cp | 32) <= 122) : isAlphabetic(cp) || isDecimal(cp)),
  upper: (cp) => (cp < 128 ? cp >= 65 && cp <= 90 : isUppercase(cp)),
  lower: (cp) => (cp < 128 ? cp >= 97 && cp <= 122 : isLowercase(cp)),
  space: onigSpace,
  blank: (cp) => cp === 32 || cp === 9 || (cp > 127 && isUnicodeSpace(cp) && cp !== 0x2028 && cp !== 0x2029),
  punct: (cp) => (cp < 128 ? cp > 32 && cp < 127 && !isAsciiAlnum(cp) : isPunctuation(cp)),
  print: (cp) => (cp < 128 ? cp >= 32 && cp < 127 : !isOnigCntrl(cp)),
  graph: (cp) => (cp < 128 ? cp > 32 && cp < 127 : !isOnigCntrl(cp) && !isWhiteSpace(cp)),
  cntrl: (cp) => (cp < 128 ? cp < 32 || cp === 127 : isFormatOrControl(cp)),
  xdigit: isXdigit,
  word: onigWord,
  ascii: (cp) => cp < 128,
};

/** A case mapping to one character (ß → SS is none: the character stays), remembered as `has` remembers. */
function caseMap(upper: boolean): (cp: number) => number {
  let bmp: Int32Array | undefined; // -1: not yet known
  const astral = new Map<number, number>();
  const compute = (cp: number) => {
    firstLookups++;
    const s = String.fromCodePoint(cp);
    const mapped = upper ? s.toUpperCase() : s.toLowerCase();
    const first = mapped.codePointAt(0)!;
    return String.fromCodePoint(first) === mapped ? first : cp;
  };
  return (cp) => {
    if (cp < 0x10000) {
      bmp ??= new Int32Array(0x10000).fill(-1);
      let out = bmp[cp];
      if (out < 0) bmp[cp] = out = compute(cp);
      return out;
    }
    let out = astral.get(cp);
    if (out === undefined) {
      if (astral.size >= ASTRAL_MEMO) astral.clear();
      astral.set(cp, (out = compute(cp)));
    }
    return out;
  };
}

const lowerCase = caseMap(false);
const upperCase = caseMap(true);

export const lowerOf = (cp: number): number => (cp < 128 ? (cp >= 65 && cp <= 90 ? cp + 32 : cp) : lowerCase(cp));
export const upperOf = (cp: number): number => (cp < 128 ? (cp >= 97 && cp <= 122 ? cp - 32 : cp) : upperCase(cp));

/** The same class, blind to letter case. */
export function ignoringCase(test: CharTest): CharTest {
  return (cp) => test(cp) || test(lowerOf(cp)) || test(upperOf(cp));
}

export const sameLetter = (a: number, b: number): boolean => a === b || lowerOf(a) === lowerOf(b) || upperOf(a) === upperOf(b);

export const literal = (c: number, ignoreCase: boolean): CharTest => (ignoreCase ? ignoringCase((cp) => cp === c) : (cp) => cp === c);

/** One literal character; when case matters it says which, so a search can look for it first. */
export const literalChar = (c: number, ignoreCase: boolean): Node =>
  ignoreCase ? { type: 'char', test: literal(c, true) } : { type: 'char', test: literal(c, false), cp: c };

export const negate = (test: CharTest): CharTest => (cp) => !test(cp);

export const anyOf = (tests: CharTest[]): CharTest => (tests.length === 1 ? tests[0] : (cp) => tests.some((t) => t(cp)));

// Word expansion in bash's order: brace expansion, tilde expansion, then parameters (every
// `${…}` operator, positional parameters, arrays), arithmetic and command substitutions, then
// word splitting of unquoted results on IFS. No pathname expansion: the lab's tree is tiny and
// read-only, and bash leaves an unmatched pattern as it is.
import type { List, Parameter, Part, Word } from './ast.ts';
import { evaluateArithmetic } from './arithmetic.ts';
import { braceExpand } from './brace.ts';
import { concat, LabLimitError, MAX_VALUE } from '../limits.ts';
import { hasGlob, patternRegExp, patternSource, type PatternPiece } from './pattern.ts';
import { codePoints } from '../format/code-points.ts';

export interface Expander {
  /** A scalar's value (an array's element 0), a positional or special parameter's; undefined when unset. */
  variable(name: string): string | undefined;
  /** Sets a shell variable (`$(( x = 1 ))`, `${x:=w}`). */
  assign(name: string, value: string): void;
  /** Runs a substituted command list and returns its stdout. */
  substitute(list: List): Promise<string>;
  /** `<(list)`: the path where the list's output can be read. */
  process?(list: List, direction: '<' | '>'): Promise<string>;
  /** An array's elements with their indexes (`$@`: the positional parameters from 1); undefined when unset. */
  elements?(name: string): Array<[number, string]> | undefined;
  /** Names of the variables set, for `${!prefix*}`. */
  names?(): string[];
  /** set -u */
  nounset?: boolean;
  /** Reports an error that does not stop the line (`${a[-9]}`: bad array subscript). */
  warn?(message: string): void;
  /** Pathname expansion: the paths a pattern matches, sorted; none (or undefined) leaves the word as it is. */
  glob?(pattern: PatternPiece[]): string[] | undefined;
  /** Makes the tree ready for glob, before the first pattern is matched. */
  prepareGlob?(): Promise<void>;
  /** `~user`: the user's home directory, as the machine's /etc/passwd gives it. */
  home?(user: string): string | undefined;
}

/** An expansion bash reports and that ends the line (bad substitution, `${x:?}`, unbound variables). */
export class ExpansionError extends Error {}

/** Text from one part of a word: `split` when it came from an unquoted expansion; `fieldBreak` between the fields of `$@`. */
type Piece = { text: string; quoted: boolean; split: boolean } | { fieldBreak: true };

const DEFAULT_IFS = ' \t\n';

function arithmetic(text: string, env: Expander): bigint {
  return BigInt(evaluateArithmetic(text, { get: (name) => env.variable(name), set: (name, value) => env.assign(name, value) }));
}

async function expandParts(parts: Part[], env: Expander, operand: boolean): Promise<Piece[]> {
  const pieces: Piece[] = [];
  for (const part of parts) {
    if (part.kind === 'literal') pieces.push({ text: part.text, quoted: part.quoted, split: operand && !part.quoted });
    else if (part.kind === 'variable') pieces.push(...(await parameter(part, part.quoted, env)));
    else if (part.kind === 'arithmetic') {
      const text = await expandToString(part.expression, env);
      pieces.push({ text: String(arithmetic(text, env)), quoted: part.quoted, split: !part.quoted });
    } else if (part.kind === 'process') {
      if (!env.process) throw new ExpansionError('process substitution is not available here');
      pieces.push({ text: await env.process(part.list, part.direction), quoted: true, split: false });
    } else {
      // Command substitution drops every trailing newline.
      const text = (await env.substitute(part.list)).replace(/\n+$/, '');
      pieces.push({ text, quoted: part.quoted, split: !part.quoted });
    }
  }
  return pieces;
}

const isPositional = (name: string) => /^[0-9]+$/.test(name);
const isSpecial = (name: string) => /^[?$#@*!0-9-]$/.test(name) || isPositional(name);

function listValues(p: Parameter, env: Expander): Array<[number, string]> | undefined {
  const name = p.name === '@' || p.name === '*' ? '@' : p.name;
  return env.elements?.(name);
}

/** The value of one parameter, as a scalar: `a[i]` reads element i. */
async function scalarValue(p: Parameter, env: Expander): Promise<string | undefined> {
  if (p.index !== undefined && p.index !== '@' && p.index !== '*') {
    const index = arithmetic(await expandToString(p.index, env), env);
    const elements = env.elements?.(p.name);
    if (!elements) return index === 0n || index === -1n ? env.variable(p.name) : undefined;
    const at = index < 0n ? (elements.length ? elements[elements.length - 1][0] + 1 + Number(index) : -1) : Number(index);
    if (at < 0) {
      env.warn?.(`${p.name}: bad array subscript`);
      return undefined;
    }
    return elements.find(([i]) => i === at)?.[1];
  }
  return env.variable(p.name);
}

function valuePieces(values: string[], list: boolean, star: boolean, quoted: boolean, env: Expander): Piece[] {
  if (!list) return [{ text: values[0] ?? '', quoted, split: !quoted }];
  if (quoted && star) {
    const ifs = env.variable('IFS');
    return [{ text: values.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), quoted: true, split: false }];
  }
  const pieces: Piece[] = [];
  values.forEach((v, i) => {
    if (i > 0) pieces.push({ fieldBreak: true });
    pieces.push({ text: v, quoted, split: !quoted });
  });
  return pieces;
}

async function parameter(p: Parameter, quoted: boolean, env: Expander): Promise<Piece[]> {
  if (p.bad !== undefined) throw new ExpansionError(`${p.bad}: bad substitution`);
  if (p.prefix === '!') return indirect(p, quoted, env);
  const list = p.name === '@' || p.name === '*' || p.index === '@' || p.index === '*';
  const star = p.name === '*' || p.index === '*';
  let values: string[];
  let set: boolean;
  if (list) {
    values = (listValues(p, env) ?? []).map(([, v]) => v);
    set = values.length > 0;
  } else {
    const value = await scalarValue(p, env);
    values = value === undefined ? [] : [value];
    set = value !== undefined;
  }
  const display = p.index !== undefined ? `${p.name}[${typeof p.index === 'string' ? p.index : literalOf(p.index)}]` : p.name;
  // set -u names a positional parameter with its dollar.
  const unbound = () => new ExpansionError(`${isSpecial(p.name) && p.index === undefined ? '$' : ''}${display}: unbound variable`);
  if (p.prefix === '#') {
    if (!set && env.nounset && !list) throw unbound();
    return [{ text: String(list ? values.length : codePoints(values[0] ?? '')), quoted, split: !quoted }];
  }
  const op = p.op;
  const empty = !set || (list ? values.join('') === '' && (values.length <= 1 || !star) && values.every((v) => v === '') : values[0] === '');
  if (op === '-' || op === ':-' || op === '=' || op === ':=' || op === '?' || op === ':?' || op === '+' || op === ':+') {
    const missing = op.startsWith(':') ? empty : !set;
    const kind = op[op.length - 1];
    // Inside double quotes the result is a field even when empty.
    const operand = async () => {
      const pieces = await expandParts(p.word!.parts, env, !quoted);
      return quoted ? [{ text: '', quoted: true, split: false }, ...pieces.map(quote)] : pieces;
    };
    if (kind === '+') return missing ? (quoted ? [{ text: '', quoted: true, split: false }] : []) : operand();
    if (!missing) return valuePieces(values, list, star, quoted, env);
    if (kind === '-') return operand();
    if (kind === '?') {
      const message = await expandToString(p.word!, env);
      throw new ExpansionError(`${display}: ${message || (op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    const value = await expandToString(p.word!, env);
    if (isSpecial(p.name) || list) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
    env.assign(p.name, value);
    return [{ text: value, quoted, split: !quoted }];
  }
  if (!set && env.nounset && !(p.name === '@' || p.name === '*')) throw unbound();
  if (op === undefined) return valuePieces(values, list, star, quoted, env);
  let changed: string[];
  if (op === ':') changed = await substring(p, values, list, env);
  else if (op === '#' || op === '##' || op === '%' || op === '%%') {
    const pieces = await expandPattern(p.word!, env);
    changed = values.map((v) => removeAffix(v, pieces, op.startsWith('#'), op.length === 2));
  } else if (op.startsWith('/')) changed = await substitute(p, values, env);
  else if (op === '^' || op === '^^' || op === ',' || op === ',,' || op === '~' || op === '~~') {
    const pieces = await expandPattern(p.word!, env);
    const re = pieces.length && pieces.some((x) => x.text) ? patternRegExp(`^(?:${patternSource(pieces)})$`) : /^[\s\S]$/u;
    // `~` toggles the case (undocumented, but bash 5.2 has it).
    const change = (c: string) => (op.startsWith('^') ? c.toUpperCase() : op.startsWith(',') ? c.toLowerCase() : c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
    changed = values.map((v) => {
      const chars = [...v];
      return chars.map((c, i) => ((op.length === 2 || i === 0) && re.test(c) ? change(c) : c)).join('');
    });
  } else if (op === '@') {
    const letter = literalOf(p.word!);
    if (!letter) return valuePieces(values, list, star, quoted, env);
    changed = values.map((v) => transform(v, letter, p.name));
  } else throw new ExpansionError(`\${${p.name}${op}}: bad substitution`);
  return valuePieces(changed, list, star, quoted, env);
}

const quote = (piece: Piece): Piece => ('fieldBreak' in piece ? piece : { ...piece, quoted: true, split: false });

function literalOf(word: Word): string {
  return word.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
}

/** `${!x}`, `${!a[@]}`, `${!prefix*}`. */
async function indirect(p: Parameter, quoted: boolean, env: Expander): Promise<Piece[]> {
  if (p.op === 'names@' || p.op === 'names*') {
    const names = (env.names?.() ?? []).filter((n) => n.startsWith(p.name)).sort();
    return valuePieces(names, true, p.op === 'names*', quoted, env);
  }
  if (p.index === '@' || p.index === '*') {
    const keys = (env.elements?.(p.name) ?? (env.variable(p.name) !== undefined ? [[0, '']] : [])).map(([k]) => String(k));
    return valuePieces(keys, true, p.index === '*', quoted, env);
  }
  const target = await scalarValue(p, env);
  if (target === undefined || target === '') {
    if (p.op && /^:?[-=?+]$/.test(p.op)) return parameter({ ...p, prefix: undefined, name: '_unset_indirect_' }, quoted, env);
    throw new ExpansionError(`${p.name}: invalid indirect expansion`);
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!0-])(?:\[(.*)\])?$/s.exec(target);
  if (!m) throw new ExpansionError(`${target}: invalid variable name`);
  const index = m[2] === undefined ? undefined : m[2] === '@' || m[2] === '*' ? m[2] : { parts: [{ kind: 'literal' as const, text: m[2], quoted: false }] };
  return parameter({ ...p, prefix: undefined, name: m[1], index }, quoted, env);
}

async function substring(p: Parameter, values: string[], list: boolean, env: Expander): Promise<string[]> {
  const offsetText = await expandToString(p.offset!, env);
  let offset = Number(arithmetic(offsetText, env));
  const lengthText = p.length ? await expandToString(p.length, env) : undefined;
  let length = lengthText !== undefined ? Number(arithmetic(lengthText, env)) : undefined;
  if (list) {
    // `${@:0}` starts at $0; an array's offset counts its elements.
    const all = p.name === '@' || p.name === '*' ? [env.variable('0') ?? 'bash', ...values] : values;
    if (offset < 0) {
      offset = all.length + offset;
      if (offset < 0) return [];
    }
    if (length !== undefined && length < 0) throw new ExpansionError(`${lengthText!.trim()}: substring expression < 0`);
    return all.slice(offset, length === undefined ? undefined : offset + length);
  }
  const chars = [...(values[0] ?? '')];
  if (offset < 0) {
    offset = chars.length + offset;
    if (offset < 0) return [''];
  }
  if (offset > chars.length) return [''];
  if (length !== undefined && length < 0) {
    length = chars.length + length - offset;
    if (length < 0) throw new ExpansionError(`${lengthText!.trim()}: substring expression < 0`);
  }
  return [chars.slice(offset, length === undefined ? undefined : offset + length).join('')];
}

/** Values longer than this are matched by one regular expression (linear), not by trying every length. */
const EXACT_MATCH_LIMIT = 512;

/** Removes the shortest or longest prefix (or suffix) of `value` matching the pattern. */
function removeAffix(value: string, pieces: PatternPiece[], prefix: boolean, longest: boolean): string {
  const source = patternSource(pieces);
  if (value.length > EXACT_MATCH_LIMIT) {
    const lazy = patternSource(pieces, !longest);
    const m = prefix ? patternRegExp(`^(?:${lazy})`).exec(value) : patternRegExp(`^([\\s\\S]${longest ? '*?' : '*'})(?:${lazy})$`).exec(value);
    if (!m) return value;
    return prefix ? value.slice(m[0].length) : m[1];
  }
  const chars = [...value];
  const anchored = patternRegExp(`^(?:${source})$`);
  // Prefix lengths (or suffix starts) from the shortest match to the longest.
  const shortestFirst = prefix ? [...Array(chars.length + 1).keys()] : [...Array(chars.length + 1).keys()].reverse();
  for (const n of longest ? [...shortestFirst].reverse() : shortestFirst) {
    if (prefix && anchored.test(chars.slice(0, n).join(''))) return chars.slice(n).join('');
    if (!prefix && anchored.test(chars.slice(n).join(''))) return chars.slice(0, n).join('');
  }
  return value;
}

/** `${x/p/r}`, `${x//p/r}`, `${x/#p/r}`, `${x/%p/r}`: the longest match, `&` in the replacement standing for it. */
async function substitute(p: Parameter, values: string[], env: Expander): Promise<string[]> {
  const pieces = await expandPattern(p.word!, env);
  const replacement = p.replacement ? await expandParts(p.replacement.parts, env, false) : [];
  const replace = (matched: string) =>
    replacement.map((piece) => ('fieldBreak' in piece ? ' ' : piece.quoted ? piece.text : piece.text.replace(/\\(.)|&/g, (m, c: string | undefined) => (c !== undefined ? c : matched)))).join('');
  const source = patternSource(pieces);
  if (!pieces.some((x) => x.text)) return values;
  const anchored = patternRegExp(`^(?:${source})$`);
  return values.map((value) => {
    if (value.length > EXACT_MATCH_LIMIT) {
      // One pass: the regular expression's leftmost, greedy match stands for the longest.
      const anchor = p.op === '/#' ? '^' : '';
      const re = patternRegExp(`${anchor}(?:${source})${p.op === '/%' ? '$' : ''}`, p.op === '//' ? 'gu' : 'u');
      return value.replace(re, (m) => (m === '' ? m : replace(m)));
    }
    const chars = [...value];
    const longestAt = (start: number, mustEnd: boolean): number => {
      for (let end = chars.length; end >= start; end--) {
        if (mustEnd && end !== chars.length) break;
        if (anchored.test(chars.slice(start, end).join(''))) return end;
      }
      return -1;
    };
    if (p.op === '/#') {
      const end = longestAt(0, false);
      return end < 0 ? value : replace(chars.slice(0, end).join('')) + chars.slice(end).join('');
    }
    if (p.op === '/%') {
      for (let start = 0; start <= chars.length; start++) {
        if (longestAt(start, true) >= 0) return chars.slice(0, start).join('') + replace(chars.slice(start).join(''));
      }
      return value;
    }
    let out = '';
    let i = 0;
    let done = false;
    while (i < chars.length) {
      const end = done ? -1 : longestAt(i, false);
      if (end > i) {
        out += replace(chars.slice(i, end).join(''));
        i = end;
        if (p.op === '/') done = true;
        continue;
      }
      out += chars[i];
      i += 1;
    }
    return out;
  });
}

/** `${x@Q}` and the other transformations bash 5.2 knows. */
function transform(value: string, letter: string, name: string): string {
  switch (letter) {
    case 'U':
      return value.toUpperCase();
    case 'L':
      return value.toLowerCase();
    case 'u':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'Q':
      return shellQuote(value);
    case 'A':
      return `${name}=${shellQuote(value)}`;
    case 'a':
      return '';
    default:
      return value;
  }
}

/** bash's quoting of a value for reuse as input (`${x@Q}`, `set -x`'s trace). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** The pieces of a pattern word: quoted text matches itself, the rest is a pattern. */
export async function expandPattern(word: Word, env: Expander): Promise<PatternPiece[]> {
  const pieces = await expandParts(word.parts, env, false);
  return pieces.map((p) => ('fieldBreak' in p ? { text: ' ', quoted: true } : { text: p.text, quoted: p.quoted }));
}

/** `~`, `~/x`, `~+`, `~-`, `~user` at the start of a word. */
function tilde(word: Word, env: Expander): Word {
  const first = word.parts[0];
  if (!first || first.kind !== 'literal' || first.quoted || !first.text.startsWith('~')) return word;
  const slash = first.text.indexOf('/');
  if (slash < 0 && word.parts.length > 1) return word;
  const prefix = slash < 0 ? first.text : first.text.slice(0, slash);
  const home = tildeValue(prefix.slice(1), env);
  if (home === undefined) return word;
  return { parts: [{ kind: 'literal', text: home, quoted: true }, { kind: 'literal', text: first.text.slice(prefix.length), quoted: false }, ...word.parts.slice(1)] };
}

function tildeValue(user: string, env: Expander): string | undefined {
  if (user === '') return env.variable('HOME') ?? '/home/reader';
  if (user === '+') return env.variable('PWD');
  if (user === '-') return env.variable('OLDPWD');
  if (user === 'root') return '/root';
  if (user === 'reader') return '/home/reader';
  return env.home?.(user);
}

/** An assignment's value: tilde expanded at its start and after each `:`, no splitting. */
export async function expandAssignmentValue(word: Word, env: Expander): Promise<string> {
  const parts = word.parts.map((part, i) => {
    if (part.kind !== 'literal' || part.quoted || !part.text.includes('~')) return part;
    const text = part.text.replace(/(^|:)~([^:/]*)(?=$|[:/])/g, (m, lead: string, user: string, offset: number) => {
      if (offset === 0 && lead === '' && i > 0) return m;
      const home = tildeValue(user, env);
      return home === undefined ? m : `${lead}${home}`;
    });
    return { ...part, text };
  });
  return expandToString({ parts }, env);
}

/** A field, and the same text as a pattern (its quoted characters literal) for pathname expansion. */
interface Field {
  text: string;
  pattern: PatternPiece[];
}

/** Splits pieces into fields on IFS, as bash does after expansion, then expands pathnames. */
function fieldsOf(pieces: Piece[], env: Expander): string[] {
  const out: string[] = [];
  for (const field of splitFields(pieces, env)) {
    const paths = env.glob && hasGlob(field.pattern) ? env.glob(field.pattern) : undefined;
    if (paths?.length) out.push(...paths);
    else out.push(field.text);
  }
  return out;
}

function splitFields(pieces: Piece[], env: Expander): Field[] {
  const ifsValue = env.variable('IFS');
  const ifs = ifsValue === undefined ? DEFAULT_IFS : ifsValue;
  const fields: Field[] = [];
  let current = '';
  let pattern: PatternPiece[] = [];
  let has = false;
  let absorbed = false;
  const push = () => {
    fields.push({ text: current, pattern });
    current = '';
    pattern = [];
    has = false;
  };
  for (const piece of pieces) {
    if ('fieldBreak' in piece) {
      if (has) push();
      absorbed = false;
      continue;
    }
    if (!piece.split || ifs === '') {
      current = concat(current, piece.text);
      pattern.push({ text: piece.text, quoted: piece.quoted });
      if (piece.quoted || piece.text) has = true;
      absorbed = false;
      continue;
    }
    for (const c of piece.text) {
      if (!ifs.includes(c)) {
        current += c;
        // A backslash from an expansion is an ordinary character, never an escape.
        pattern.push({ text: c, quoted: c === '\\' });
        has = true;
        absorbed = false;
      } else if (' \t\n'.includes(c)) {
        if (has) {
          push();
          absorbed = true;
        }
      } else if (absorbed) absorbed = false;
      else push();
    }
    if (current.length > MAX_VALUE) throw new LabLimitError(`the lab holds values of at most ${MAX_VALUE} characters`);
  }
  if (has) fields.push({ text: current, pattern });
  return fields;
}

/** Expands a word into fields (zero, one or several after splitting), braces and tilde first. */
export async function expandWord(word: Word, env: Expander): Promise<string[]> {
  const fields: string[] = [];
  for (const w of braceExpand(word)) {
    const pieces = await expandParts(tilde(w, env).parts, env, false);
    // The tree is read (its manifests fetched) only by a line that has a pattern to match.
    if (env.prepareGlob && pieces.some((p) => 'text' in p && !p.quoted && /[*?[]/.test(p.text))) await env.prepareGlob();
    fields.push(...fieldsOf(pieces, env));
  }
  return fields;
}

/** Expands a word without splitting (assignments, redirection targets, here-documents). */
export async function expandToString(word: Word, env: Expander): Promise<string> {
  let out = '';
  for (const piece of await expandParts(word.parts, env, false)) out = concat(out, 'fieldBreak' in piece ? ' ' : piece.text);
  return out;
}

/** A word as a redirection target or `case` subject: tilde, then no splitting. */
export async function expandSingle(word: Word, env: Expander): Promise<string> {
  return expandToString(tilde(word, env), env);
}

/** The words of one command, bounded together as one value is. */
export async function expandWords(words: Word[], env: Expander): Promise<string[]> {
  const argv: string[] = [];
  let size = 0;
  for (const word of words) {
    for (const field of await expandWord(word, env)) {
      size += field.length + 1;
      if (size > MAX_VALUE) throw new LabLimitError(`the lab expands the words of one command to at most ${MAX_VALUE} characters`);
      argv.push(field);
    }
  }
  return argv;
}

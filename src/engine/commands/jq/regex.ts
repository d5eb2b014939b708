// jq 1.7.1's regular-expression builtins (test, match, capture, scan, split/2, splits, sub, gsub)
// on the lab's linear regex engine, with jq 1.7.1's match loop, result objects and error texts.
// sub/gsub find every match first and join the replacement's outputs by position, as jq 1.7.1
// does; the replacement is evaluated with the named captures as its input.
import { describe, JqRuntimeError, typeOf, type Builtin, type Evaluator, type JqValue } from './evaluate.ts';
import type { Ast } from './parser.ts';
import { COST, type Meter } from './budget.ts';
import { Regex, RegexBudgetError, RegexTooBigError, Subject } from '../../regex/index.ts';
import { OnigSyntaxError, parseOniguruma } from '../../regex/oniguruma.ts';

type Env = Parameters<Builtin>[2];

interface Compiled {
  regex: Regex;
  names: Map<number, string>;
  global: boolean;
  longest: boolean;
  notEmpty: boolean;
}

const failure = (message: string) => new JqRuntimeError(`Regex failure: ${message}`);

/** Work one instruction of a compiled pattern stands for: the five arrays its program keeps. */
const INSTRUCTION_COST = 5 * COST.item;

/** Work one step of the matcher stands for. */
const STEP_COST = 1;

/** Patterns one program keeps compiled (jq compiles a pattern per call; a program rarely has many). */
const KEPT_PATTERNS = 8;

/** Each run's compiled patterns, so a filter applied to many inputs compiles its pattern once. */
const compiledByRun = new WeakMap<Meter, Map<string, Compiled>>();

/** A text as the matcher reads it, its size charged to the program's work budget first. */
function subject(text: string, meter: Meter): Subject {
  meter.charge(text.length * COST.item);
  return new Subject(text);
}

/** The text a regex builtin reads: its input, which must be a string (jq checks it first). */
function matchedText(input: JqValue): string {
  if (typeof input !== 'string') throw new JqRuntimeError(`${describe(input)} cannot be matched, as it is not a string`);
  return input;
}

/**
 * jq's f_match checks, in its order: the input (matchedText), the regex, the modifiers, then compiles (or takes
 * the pattern this run compiled already). Compiling and every step of matching are charged to
 * the program's work budget.
 */
function compile(re: JqValue, modifiers: JqValue, meter: Meter): Compiled {
  if (typeof re !== 'string') throw new JqRuntimeError(`${describe(re)} is not a string`);
  const flags = { global: false, ignoreCase: false, extended: false, dotAll: false, longest: false, notEmpty: false };
  if (typeof modifiers === 'string') {
    for (const m of modifiers) {
      if (m === 'g') flags.global = true;
      else if (m === 'i') flags.ignoreCase = true;
      else if (m === 'x') flags.extended = true;
      else if (m === 'm' || m === 'p') flags.dotAll = true; // Oniguruma's MULTILINE: `.` matches a newline
      else if (m === 's') continue; // SINGLELINE, already jq's default
      else if (m === 'l') flags.longest = true;
      else if (m === 'n') flags.notEmpty = true;
      else throw new JqRuntimeError(`${modifiers} is not a valid modifier string`);
    }
  } else if (modifiers !== null) throw new JqRuntimeError(`${describe(modifiers)} is not a string`);
  let kept = compiledByRun.get(meter);
  if (!kept) compiledByRun.set(meter, (kept = new Map()));
  const key = `${Object.values(flags).map(Number).join('')}${re}`;
  const known = kept.get(key);
  if (known) {
    known.regex.restartBacktracking();
    return known;
  }
  try {
    const parsed = parseOniguruma(re, flags);
    const regex = new Regex(parsed.node, parsed.groups, (steps) => meter.charge(steps * STEP_COST));
    meter.charge(regex.size * INSTRUCTION_COST);
    const compiled = { regex, names: parsed.names, global: flags.global, longest: flags.longest, notEmpty: flags.notEmpty };
    if (kept.size >= KEPT_PATTERNS) kept.delete(kept.keys().next().value!);
    kept.set(key, compiled);
    return compiled;
  } catch (e) {
    if (e instanceof OnigSyntaxError) throw failure(e.message);
    if (e instanceof RegexTooBigError || e instanceof RangeError) throw failure('too big number for repeat range');
    throw e;
  }
}

/** Oniguruma's retry-limit error when the backtracking fallback gives up, its stack error when the automaton does. */
function regexFailure(e: unknown): unknown {
  if (e instanceof RegexBudgetError) return failure(e.backtracking ? 'retry-limit-in-match over' : 'match-stack limit over');
  return e;
}

/** One search, in jq's mode. */
function search(c: Compiled, s: Subject, from: number, captures: boolean) {
  try {
    return c.regex.search(s, from, c.longest ? 'longest-anywhere' : 'first', captures, c.notEmpty);
  } catch (e) {
    throw regexFailure(e);
  }
}

/**
 * jq 1.7.1's match loop (offsets count from the window's start, anchors see the whole text):
 * after an empty match it searches again one character past it, and it searches at the very end
 * of the text too, so `"abc" | match("";"g")` finds 0, 1, 2 and 3.
 */
function matchesIn(s: Subject, c: Compiled, meter: Meter): Match[] {
  const out: Match[] = [];
  let start = s.start;
  do {
    const m = search(c, s, start, true);
    if (!m) break;
    meter.charge(COST.entry * (4 + 4 * c.regex.groups));
    const offset = m[0] - s.start;
    if (m[1] === m[0]) {
      // An empty match reports every group as an empty capture at the match.
      const captures: Match['captures'] = [];
      for (let g = 1; g <= c.regex.groups; g++) captures.push({ offset, string: '', length: 0, name: c.names.get(g) ?? null });
      out.push({ offset, length: 0, string: '', captures });
      start = m[1] + 1;
      continue;
    }
    const captures: Match['captures'] = [];
    for (let g = 1; g <= c.regex.groups; g++) {
      const [from, to] = [m[g * 2], m[g * 2 + 1]];
      const name = c.names.get(g) ?? null;
      if (from < 0 || to < 0) captures.push({ offset: -1, string: null, length: 0, name });
      else if (from === to) captures.push({ offset: from - s.start, string: '', length: 0, name });
      else captures.push({ offset: from - s.start, length: to - from, string: s.slice(from, to), name });
    }
    out.push({ offset, length: m[1] - m[0], string: s.slice(m[0], m[1]), captures });
    start = m[1];
  } while (c.global && start <= s.end);
  return out;
}

function matches(input: JqValue, re: JqValue, modifiers: JqValue, meter: Meter): Match[] {
  const text = matchedText(input);
  const c = compile(re, modifiers, meter);
  return matchesIn(subject(text, meter), c, meter);
}

function matchesAny(input: JqValue, re: JqValue, modifiers: JqValue, meter: Meter): boolean {
  const text = matchedText(input);
  const c = compile(re, modifiers, meter);
  try {
    return c.regex.test(subject(text, meter), 0, c.notEmpty);
  } catch (e) {
    throw regexFailure(e);
  }
}

type Match = { offset: number; length: number; string: string; captures: Array<{ offset: number; length: number; string: string | null; name: string | null }> };

/** The named captures as one object, the input of capture/1 and of sub's replacement. */
function captureObject(m: Match): JqValue {
  const out: Record<string, JqValue> = {};
  for (const cap of m.captures) if (cap.name !== null) out[cap.name] = cap.string;
  return out;
}

/** test/1, match/1, capture/1 take a regex or [regex, modifiers]. */
function regexAndModifiers(val: JqValue): [JqValue, JqValue] {
  if (typeof val === 'string') return [val, null];
  if (Array.isArray(val) && val.length > 1) return [val[0], val[1]];
  if (Array.isArray(val) && val.length > 0) return [val[0], null];
  throw new JqRuntimeError(`${typeOf(val)} not a string or array`);
}

function addStrings(a: JqValue, b: JqValue): JqValue {
  if (b === null) return a;
  if (a === null) return b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot be added`);
}

/**
 * jq 1.7.1's sub/3: every match first, then the replacement's k-th value for each match joins
 * the k-th result (with the text before that match); a result is the text's rest added to it,
 * and the input itself when no match gave a value.
 */
function* substitute(ev: Evaluator, env: Env, input: JqValue, re: JqValue, replacement: Ast, flags: JqValue): Generator<JqValue> {
  const found = matches(input, re, flags, ev.budget);
  const text = subject(matchedText(input), ev.budget);
  const results: JqValue[] = [];
  let previous = 0;
  for (const m of found) {
    const gap = text.slice(previous, Math.max(previous, m.offset));
    let k = 0;
    for (const value of ev.eval(replacement, captureObject(m), env)) {
      ev.budget.charge(COST.item);
      results[k] = addStrings(results[k] ?? null, addStrings(gap, value));
      k++;
    }
    previous = m.offset + m.length;
  }
  if (results.length === 0) {
    yield input;
    return;
  }
  const rest = text.slice(Math.min(previous, text.length), text.length);
  for (const r of results) yield addStrings(r ?? null, rest);
}

/** splits/2: the text between the matches of `re` with "g" added to the modifiers. */
function* splits(input: JqValue, re: JqValue, flags: JqValue, meter: Meter): Generator<JqValue> {
  const modifiers = addStrings('g', flags);
  const text = matchedText(input);
  const compiled = compile(re, modifiers, meter);
  const s = subject(text, meter);
  const all = matchesIn(s, compiled, meter);
  const bounds = [0, ...all.flatMap((m) => [m.offset, m.offset + m.length]), s.length];
  for (let i = 0; i + 1 < bounds.length; i += 2) yield s.slice(Math.min(bounds[i], s.length), Math.max(Math.min(bounds[i + 1], s.length), Math.min(bounds[i], s.length)));
}

function* each(ev: Evaluator, ast: Ast, input: JqValue, env: Env): Generator<JqValue> {
  yield* ev.eval(ast, input, env);
}

/** The regex builtins, keyed "name/arity" as builtins.ts registers them. */
export function regexBuiltins(): Array<[string, Builtin]> {
  return [
    ['test/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) yield matchesAny(v, ...regexAndModifiers(x), ev.budget); }],
    ['test/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield matchesAny(v, r, f, ev.budget); }],
    ['match/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) yield* matches(v, ...regexAndModifiers(x), ev.budget); }],
    ['match/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield* matches(v, r, f, ev.budget); }],
    ['capture/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) for (const m of matches(v, ...regexAndModifiers(x), ev.budget)) yield captureObject(m); }],
    ['capture/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) for (const m of matches(v, r, f, ev.budget)) yield captureObject(m); }],
    ['scan/1', function* (v, [re], e, ev) {
      for (const r of each(ev, re, v, e)) for (const m of matches(v, r, 'g', ev.budget)) yield m.captures.length > 0 ? m.captures.map((c) => c.string) : m.string;
    }],
    ['scan/2', function* (v, [re, fl], e, ev) {
      for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) for (const m of matches(v, r, addStrings('g', f), ev.budget)) yield m.captures.length > 0 ? m.captures.map((c) => c.string) : m.string;
    }],
    ['splits/1', function* (v, [re], e, ev) { for (const r of each(ev, re, v, e)) yield* splits(v, r, null, ev.budget); }],
    ['splits/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield* splits(v, r, f, ev.budget); }],
    ['split/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield [...splits(v, r, f, ev.budget)]; }],
    ['sub/2', function* (v, [re, to], e, ev) { for (const r of each(ev, re, v, e)) yield* substitute(ev, e, v, r, to, ''); }],
    ['sub/3', function* (v, [re, to, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield* substitute(ev, e, v, r, to, f); }],
    ['gsub/2', function* (v, [re, to], e, ev) { for (const r of each(ev, re, v, e)) yield* substitute(ev, e, v, r, to, 'g'); }],
    ['gsub/3', function* (v, [re, to, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield* substitute(ev, e, v, r, to, addStrings(f, 'g')); }],
  ];
}

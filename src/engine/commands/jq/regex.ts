// jq 1.6's regular-expression builtins (test, match, capture, scan, split/2, splits, sub, gsub)
// on the lab's linear regex engine, with jq 1.6's match loop, result objects and error texts.
// sub/gsub follow jq 1.6's own definitions in builtin.jq: the replacement is evaluated with the
// named captures as its input, and gsub goes on in what follows each match.
import { describe, JqBudgetError, JqRuntimeError, typeOf, type Builtin, type Evaluator, type Json } from './evaluate.ts';
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

/** A text as the matcher reads it, its size charged to the program's work budget first. */
function subject(text: string, meter: Meter): Subject {
  meter.charge(text.length * COST.item);
  return new Subject(text);
}

/** jq's f_match checks, in its order: the input, the regex, the modifiers, then compiles. */
function compile(input: Json, re: Json, modifiers: Json, meter: Meter): { subject: Subject; compiled: Compiled } {
  if (typeof input !== 'string') throw new JqRuntimeError(`${describe(input)} cannot be matched, as it is not a string`);
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
  try {
    const parsed = parseOniguruma(re, flags);
    const regex = new Regex(parsed.node, parsed.groups);
    return { subject: subject(input, meter), compiled: { regex, names: parsed.names, global: flags.global, longest: flags.longest, notEmpty: flags.notEmpty } };
  } catch (e) {
    if (e instanceof OnigSyntaxError) throw failure(e.message);
    if (e instanceof RegexTooBigError || e instanceof RangeError) throw failure('too big number for repeat range');
    throw e;
  }
}

/** One search, with Oniguruma's retry-limit error when the backtracking fallback gives up. */
function search(c: Compiled, s: Subject, from: number, captures: boolean) {
  try {
    return c.regex.search(s, from, c.longest ? 'longest-anywhere' : 'first', captures, c.notEmpty);
  } catch (e) {
    if (e instanceof RegexBudgetError) throw failure(e.backtracking ? 'retry-limit-in-match over' : 'match-stack limit over');
    throw e;
  }
}

/** jq 1.6's match loop: after an empty match it moves on one character, and it stops at the end of the text. */
function matches(input: Json, re: Json, modifiers: Json, meter: Meter): Json[] {
  const { subject: s, compiled: c } = compile(input, re, modifiers, meter);
  const out: Json[] = [];
  let start = 0;
  do {
    if (start > s.length) break;
    const m = search(c, s, start, true);
    if (!m) break;
    meter.charge(COST.entry * (4 + 4 * c.regex.groups));
    if (m[1] === m[0]) {
      // jq 1.6 reports no captures for an empty match.
      out.push({ offset: m[0], length: 0, string: '', captures: [] });
      start += 1;
      continue;
    }
    const captures: Json[] = [];
    for (let g = 1; g <= c.regex.groups; g++) {
      const [from, to] = [m[g * 2], m[g * 2 + 1]];
      const name = c.names.get(g) ?? null;
      if (from < 0 || to < 0) captures.push({ offset: -1, string: null, length: 0, name });
      else if (from === to) captures.push({ offset: from, string: '', length: 0, name });
      else captures.push({ offset: from, length: to - from, string: s.slice(from, to), name });
    }
    out.push({ offset: m[0], length: m[1] - m[0], string: s.slice(m[0], m[1]), captures });
    start = m[1];
  } while (c.global && start !== s.length);
  return out;
}

function matchesAny(input: Json, re: Json, modifiers: Json, meter: Meter): boolean {
  const { subject: s, compiled: c } = compile(input, re, modifiers, meter);
  return search(c, s, 0, false) !== null;
}

type Match = { offset: number; length: number; string: string; captures: Array<{ name: string | null; string: string | null }> };

/** The named captures as one object, the input of capture/1 and of sub's replacement. */
function captureObject(m: Match): Json {
  const out: Record<string, Json> = {};
  for (const cap of m.captures) if (cap.name !== null) out[cap.name] = cap.string;
  return out;
}

/** test/1, match/1, capture/1 take a regex or [regex, modifiers]. */
function regexAndModifiers(val: Json): [Json, Json] {
  if (typeof val === 'string') return [val, null];
  if (Array.isArray(val) && val.length > 1) return [val[0], val[1]];
  if (Array.isArray(val) && val.length > 0) return [val[0], null];
  throw new JqRuntimeError(`${typeOf(val)} not a string or array`);
}

function addStrings(a: Json, b: Json): Json {
  if (b === null) return a;
  if (a === null) return b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot be added`);
}

/**
 * jq 1.6's sub/3: the first match of the text (without "g"), its captures piped to the
 * replacement, and with "g" the same again on the rest of the text after the match.
 */
function* substitute(ev: Evaluator, env: Env, input: Json, re: Json, replacement: Ast, flags: Json): Generator<Json> {
  const global = typeof flags === 'string' && flags.includes('g');
  const flagsOnce = typeof flags === 'string' ? flags.replaceAll('g', '') : flags;
  // Each step: the text before the match, the replacement's values, and where the rest begins.
  const steps: Array<{ before: string; values: Json[] }> = [];
  let rest = input;
  for (;;) {
    const found = matches(rest, re, flagsOnce, ev.budget) as Match[];
    if (found.length === 0) break;
    const m = found[0];
    const text = subject(rest as string, ev.budget);
    steps.push({ before: text.slice(0, m.offset), values: [...ev.eval(replacement, captureObject(m), env)] });
    const after = text.slice(m.offset + m.length, text.length);
    if (!global || after.length === 0) {
      rest = after;
      break;
    }
    // jq 1.6 recurses on the same text forever when the match is empty at its start.
    if (m.length === 0 && m.offset === 0) throw new JqBudgetError('error: cannot allocate memory');
    rest = after;
  }
  if (steps.length === 0) {
    yield input;
    return;
  }
  // `before + s + rest`: jq varies the left operand fastest, so the first match's values turn first.
  const choice = steps.map(() => 0);
  for (;;) {
    let text: Json = rest;
    for (let k = steps.length - 1; k >= 0; k--) text = addStrings(addStrings(steps[k].before, steps[k].values[choice[k]] ?? null), text);
    if (steps.every((s) => s.values.length > 0)) yield text;
    let k = 0;
    while (k < steps.length && ++choice[k] >= steps[k].values.length) choice[k++] = 0;
    if (k === steps.length) return;
  }
}

/** splits/2: the text between the matches of `re` with "g" added to the modifiers. */
function* splits(input: Json, re: Json, flags: Json, meter: Meter): Generator<Json> {
  const all = matches(input, re, addStrings('g', flags), meter) as Match[];
  const s = subject(input as string, meter);
  const bounds = [0, ...all.flatMap((m) => [m.offset, m.offset + m.length]), s.length];
  for (let i = 0; i + 1 < bounds.length; i += 2) yield s.slice(Math.min(bounds[i], s.length), Math.max(Math.min(bounds[i + 1], s.length), Math.min(bounds[i], s.length)));
}

function* each(ev: Evaluator, ast: Ast, input: Json, env: Env): Generator<Json> {
  yield* ev.eval(ast, input, env);
}

/** The regex builtins, keyed "name/arity" as builtins.ts registers them. */
export function regexBuiltins(): Array<[string, Builtin]> {
  return [
    ['test/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) yield matchesAny(v, ...regexAndModifiers(x), ev.budget); }],
    ['test/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield matchesAny(v, r, f, ev.budget); }],
    ['match/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) yield* matches(v, ...regexAndModifiers(x), ev.budget); }],
    ['match/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) yield* matches(v, r, f, ev.budget); }],
    ['capture/1', function* (v, [val], e, ev) { for (const x of each(ev, val, v, e)) for (const m of matches(v, ...regexAndModifiers(x), ev.budget)) yield captureObject(m as Match); }],
    ['capture/2', function* (v, [re, fl], e, ev) { for (const f of each(ev, fl, v, e)) for (const r of each(ev, re, v, e)) for (const m of matches(v, r, f, ev.budget)) yield captureObject(m as Match); }],
    ['scan/1', function* (v, [re], e, ev) {
      for (const r of each(ev, re, v, e)) for (const m of matches(v, r, 'g', ev.budget) as Match[]) yield m.captures.length > 0 ? m.captures.map((c) => c.string) : m.string;
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

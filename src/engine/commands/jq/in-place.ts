// Which `reduce` updates may change the accumulator in place. Real jq appends in place when a
// value has one reference (`reduce range(n) as $i ([]; . + [$i])` runs in linear time); here the
// accumulator has one reference when the update is `. + E` or `.[K] op E` and E cannot see `.`:
// then nothing but the reduce loop can ever hold the accumulator, and changing it is unobservable.
import type { Ast } from './parser.ts';

export type InPlacePlan =
  | { kind: 'append'; value: Ast; calls: string[] }
  | { kind: 'assign'; op: string; key: Ast; value: Ast; calls: string[] };

/** Builtins whose outputs never hold their input or arguments (scalars, or new arrays of scalars),
 * so calling them cannot hand the accumulator on. `calls` lists the ones a plan relies on: a
 * program may define functions with these names. */
const SCALAR_BUILTINS = new Set([
  'length/0', 'utf8bytelength/0', 'not/0', 'type/0', 'tostring/0', 'tojson/0', 'keys/0', 'keys_unsorted/0', 'has/1',
  'startswith/1', 'endswith/1', 'ascii_downcase/0', 'ascii_upcase/0', 'range/1', 'range/2', 'empty/0', 'floor/0',
  'sqrt/0', 'now/0', 'tonumber/0',
]);

/** Whether `ast`'s outputs (and errors) cannot depend on, or contain, its input `.`. */
function inputFree(ast: Ast, calls: Set<string>): boolean {
  const free = (a: Ast | undefined): boolean => a === undefined || inputFree(a, calls);
  switch (ast.t) {
    case 'literal':
    case 'var':
      return true;
    case 'string':
      return ast.parts.every((p) => typeof p === 'string' || free(p));
    case 'index':
      return free(ast.target) && free(ast.key);
    case 'slice':
      return free(ast.target) && free(ast.from) && free(ast.to);
    case 'iterate':
      return free(ast.target);
    case 'pipe':
      // The right side only sees what the left side made.
      return free(ast.left);
    case 'comma':
    case 'binary':
      return free(ast.left) && free(ast.right);
    case 'neg':
    case 'optional':
      return free(ast.expr);
    case 'array':
      return free(ast.expr);
    case 'object':
      return ast.entries.every((e) => e.value !== undefined && free(e.key) && free(e.value));
    case 'if':
      return ast.else !== undefined && free(ast.else) && ast.branches.every((b) => free(b.cond) && free(b.then));
    case 'try':
      // A catch sees the error its body raised: it must not pass it on either.
      return free(ast.body) && free(ast.catch);
    case 'as':
      // A pattern's keys may be expressions; only a plain variable is known to be free.
      return !ast.patterns && free(ast.source) && free(ast.body);
    case 'reduce':
      // The inner update sees only the inner accumulator.
      return free(ast.source) && free(ast.init);
    case 'call': {
      const key = `${ast.name}/${ast.args.length}`;
      if (!SCALAR_BUILTINS.has(key)) return false;
      calls.add(key);
      return true;
    }
    default:
      return false;
  }
}

const plans = new WeakMap<Ast, InPlacePlan | null>();

function planFor(update: Ast): InPlacePlan | null {
  const calls = new Set<string>();
  if (update.t === 'binary' && update.op === '+' && update.left.t === 'identity') {
    return inputFree(update.right, calls) ? { kind: 'append', value: update.right, calls: [...calls] } : null;
  }
  if (update.t === 'assign' && update.target.t === 'index' && update.target.target.t === 'identity') {
    const key = update.target.key;
    // `|=` hands its update the old value at the key, never the accumulator itself.
    if (!inputFree(key, calls) || (update.op !== '|=' && !inputFree(update.value, calls))) return null;
    return { kind: 'assign', op: update.op, key, value: update.value, calls: [...calls] };
  }
  return null;
}

/** The in-place plan for a reduce update, or null when the update must copy. */
export function inPlacePlan(update: Ast): InPlacePlan | null {
  if (!plans.has(update)) plans.set(update, planFor(update));
  return plans.get(update)!;
}

// What the shell keeps for a session beyond its string variables: indexed arrays, positional
// parameters, functions, the `set` options and the locals of the functions running. Kept beside
// the session (a WeakMap) so that the session's own shape stays the commands' contract.
import type { FunctionDefinition } from './ast.ts';
import type { SessionState } from '../commands/types.ts';

export interface ShellOptions {
  /** set -u */
  nounset: boolean;
  /** set -x */
  xtrace: boolean;
  /** set -o pipefail */
  pipefail: boolean;
  /** set -f */
  noglob: boolean;
  /** set -H: history expansion, on in an interactive bash. */
  histexpand: boolean;
}

/** A variable as it was before `local` or a subshell changed it. */
export interface SavedVariable {
  scalar: string | undefined;
  exported: boolean;
  array: Map<number, string> | undefined;
}

export interface ShellState {
  arrays: Map<string, Map<number, string>>;
  positional: string[];
  functions: Map<string, FunctionDefinition>;
  options: ShellOptions;
  /** One frame per function running: the variables its `local`s hide. */
  locals: Array<Map<string, SavedVariable>>;
  /** `declare -r`, `readonly`: names that refuse a new value or unset. */
  readonly: Set<string>;
  /** `declare -i`: names whose assigned values are evaluated as arithmetic. */
  integer: Set<string>;
  /** `alias name=value`: the text a command's first word stands for. */
  aliases: Map<string, string>;
}

const states = new WeakMap<SessionState, ShellState>();

export function shellState(session: SessionState): ShellState {
  let state = states.get(session);
  if (!state) {
    // bash sets IFS for every shell; a line that saves and restores it (old=$IFS … IFS=$old) relies on it.
    if (session.vars.get('IFS') === undefined) session.vars.set('IFS', ' \t\n');
    state = { arrays: new Map(), positional: [], functions: new Map(), options: { nounset: false, xtrace: false, pipefail: false, noglob: false, histexpand: true }, locals: [], readonly: new Set(), integer: new Set(), aliases: new Map() };
    state.arrays.set('PIPESTATUS', new Map([[0, '0']]));
    state.arrays.set('BASH_VERSINFO', new Map(['5', '2', '15', '1', 'release', 'x86_64-pc-linux-gnu'].map((v, i): [number, string] => [i, v])));
    states.set(session, state);
  }
  return state;
}

/** The values `$-` reports for the options set, in bash's order. */
export function optionFlags(state: ShellState): string {
  return `${state.options.noglob ? 'f' : ''}hi${state.options.nounset ? 'u' : ''}${state.options.xtrace ? 'x' : ''}mB${state.options.histexpand ? 'H' : ''}s`;
}

export function saveVariable(session: SessionState, state: ShellState, name: string, exported?: Set<string>): SavedVariable {
  const array = state.arrays.get(name);
  return {
    scalar: session.vars.get(name),
    exported: exported ? exported.has(name) : session.vars.environment().some(([n]) => n === name),
    array: array ? new Map(array) : undefined,
  };
}

export function restoreVariable(session: SessionState, state: ShellState, name: string, saved: SavedVariable): void {
  if (saved.scalar === undefined) session.vars.unset(name);
  else session.vars.set(name, saved.scalar, saved.exported);
  if (saved.array) state.arrays.set(name, saved.array);
  else state.arrays.delete(name);
}

/** Everything a subshell may change and its parent must not see, to be put back with restoreAll. */
export interface Snapshot {
  variables: Array<[string, SavedVariable]>;
  positional: string[];
  functions: Map<string, FunctionDefinition>;
  options: ShellOptions;
  arrays: string[];
}

export function snapshot(session: SessionState): Snapshot {
  const state = shellState(session);
  const names = new Set([...session.vars.names(), ...state.arrays.keys()]);
  const exported = new Set(session.vars.environment().map(([n]) => n));
  return {
    variables: [...names].map((n) => [n, saveVariable(session, state, n, exported)]),
    positional: [...state.positional],
    functions: new Map(state.functions),
    options: { ...state.options },
    arrays: [...state.arrays.keys()],
  };
}

export function restoreAll(session: SessionState, saved: Snapshot): void {
  const state = shellState(session);
  const kept = new Set(saved.variables.map(([n]) => n));
  for (const name of session.vars.names()) if (!kept.has(name)) session.vars.unset(name);
  for (const name of [...state.arrays.keys()]) if (!kept.has(name)) state.arrays.delete(name);
  for (const [name, value] of saved.variables) restoreVariable(session, state, name, value);
  state.positional = saved.positional;
  state.functions = saved.functions;
  state.options = saved.options;
}

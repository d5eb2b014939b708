// The builtins that work on the shell's own state rather than the lab's: `:`, break, continue,
// return, local, declare/typeset, set, shift, read, type, unset, eval and let, with bash 5.2's
// messages and statuses.
import type { Interpreter, ShellBuiltin, ShellBuiltinContext } from './interpreter.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from './signals.ts';
import { parse, ShellSyntaxError } from './parser.ts';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import { saveVariable } from './state.ts';
import { functionText } from './deparse.ts';
import { findCommand, registry } from '../commands/registry.ts';
import { isDirectory, prepareTree, readFile, resolvePath } from '../commands/fs/tree.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

/** Commands bash itself provides; every other command of the lab is a program in /usr/bin. */
const BASH_BUILTINS = new Set([
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt', 'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg', 'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

function loopCount(ctx: ShellBuiltinContext, name: string): number | null {
  const arg = ctx.argv[1];
  if (arg === undefined) return 1;
  if (!/^-?[0-9]+$/.test(arg)) {
    ctx.io.err.write(`bash: ${name}: ${arg}: numeric argument required\n`);
    return null;
  }
  return Number(arg);
}

const breakOrContinue = (name: 'break' | 'continue'): ShellBuiltin => async (ctx) => {
  if (ctx.shell.loopDepth === 0) {
    ctx.io.err.write(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  const n = loopCount(ctx, name);
  if (n === null) return 1;
  if (n < 1) {
    // bash leaves the loop, with status 1.
    ctx.io.err.write(`bash: ${name}: ${n}: loop count out of range\n`);
    throw new BreakSignal(1, 1);
  }
  const levels = Math.min(n, ctx.shell.loopDepth);
  throw name === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels);
};

/** Declares `name[=value]` words for local, declare and typeset. */
function declareWords(ctx: ShellBuiltinContext, name: string, words: string[], local: boolean, flags: string): number {
  const shell = ctx.shell;
  const state = shell.state;
  let status = 0;
  for (const word of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)?([\s\S]*)$/.exec(word);
    if (!m) {
      ctx.io.err.write(`bash: ${name}: \`${word}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    const [, variable, op, given] = m;
    if (op && state.readonly.has(variable)) {
      ctx.io.err.write(`bash: ${variable}: readonly variable\n`);
      status = 1;
      continue;
    }
    // `name=` NUL `(` then NUL-led values: an array from the parser (`local -a a=(1 2)`); no typed argument holds a NUL.
    const array = given.startsWith('\0(') ? given.slice(2).split('\0').slice(1) : undefined;
    const value = given;
    if (local) {
      const frame = state.locals[state.locals.length - 1];
      if (!frame.has(variable)) frame.set(variable, saveVariable(shell.session, state, variable));
      if (!op) {
        // `local x` hides the caller's x: unset until assigned, as bash shows it.
        if (!flags.includes('a')) shell.session.vars.unset(variable);
        state.arrays.delete(variable);
      }
    }
    if (flags.includes('i')) state.integer.add(variable);
    if (flags.includes('a') && !state.arrays.has(variable)) {
      const scalar = shell.session.vars.get(variable);
      shell.session.vars.unset(variable);
      state.arrays.set(variable, scalar === undefined ? new Map() : new Map([[0, scalar]]));
    }
    if (op && array) {
      const existing = op === '+=' ? state.arrays.get(variable) ?? new Map<number, string>() : new Map<number, string>();
      let next = existing.size ? Math.max(...existing.keys()) + 1 : 0;
      for (const v of array) existing.set(next++, v);
      shell.session.vars.unset(variable);
      state.arrays.set(variable, existing);
    } else if (op) shell.assign(variable, op === '+=' ? (shell.variable(variable) ?? '') + value : value);
    if (flags.includes('x')) shell.session.vars.export(variable);
    if (flags.includes('r')) state.readonly.add(variable);
  }
  return status;
}

/** `declare -p`'s line for one variable. */
function declaration(shell: Interpreter, name: string): string | undefined {
  const state = shell.state;
  const array = state.arrays.get(name);
  const quoteValue = (v: string) => (/[\x00-\x1f\x7f]/.test(v) ? quoteForSet(v, false) : `"${v.replace(/(["\\$`])/g, '\\$1')}"`);
  // bash's order of the attribute letters.
  const attributes = `${state.integer.has(name) ? 'i' : ''}${state.readonly.has(name) ? 'r' : ''}`;
  if (array) return `declare -a${attributes} ${name}=(${[...array].sort(([a], [b]) => a - b).map(([i, v]) => `[${i}]=${quoteValue(v)}`).join(' ')})`;
  const value = shell.session.vars.get(name);
  if (value === undefined) return undefined;
  const exported = shell.session.vars.environment().some(([n]) => n === name);
  const letters = `${attributes}${exported ? 'x' : ''}`;
  return `declare -${letters || '-'} ${name}=${quoteValue(value)}`;
}

const declare: ShellBuiltin = async (ctx) => {
  const name = ctx.argv[0];
  const args = ctx.argv.slice(1);
  let flags = '';
  while (args.length && /^[-+][a-zA-Z]+$/.test(args[0])) flags += args.shift()!.slice(1);
  const unsupported = [...flags].find((f) => 'AlntuI'.includes(f));
  if (unsupported) {
    // Attributes the lab's variables do not carry (associative arrays, case, references, tracing).
    ctx.io.err.write(`bash: ${name}: -${unsupported}: not available in this lab (-a, -i, -r, -x, -p, -f, -F and -g are)\n`);
    return 1;
  }
  const local = name === 'local' || (name !== 'readonly' && ctx.shell.functionDepth > 0 && !flags.includes('g'));
  if (name === 'local' && ctx.shell.functionDepth === 0) {
    ctx.io.err.write('bash: local: can only be used in a function\n');
    return 1;
  }
  if (flags.includes('f') || flags.includes('F')) {
    const names = args.length ? args : [...ctx.shell.state.functions.keys()].sort();
    let status = 0;
    for (const f of names) {
      const fn = ctx.shell.state.functions.get(f);
      if (fn) ctx.io.out.write(flags.includes('F') ? `declare -f ${f}\n` : `${functionText(fn)}\n`);
      else status = 1;
    }
    return status;
  }
  if (flags.includes('p') || (args.length === 0 && name !== 'local')) {
    const names = args.length ? args : [...new Set([...ctx.shell.session.vars.names(), ...ctx.shell.state.arrays.keys()])].sort();
    let status = 0;
    for (const n of names) {
      const line = declaration(ctx.shell, n);
      if (line) ctx.io.out.write(`${line}\n`);
      else {
        ctx.io.err.write(`bash: ${name}: ${n}: not found\n`);
        status = 1;
      }
    }
    return status;
  }
  return declareWords(ctx, name, args, local, flags);
};

const set: ShellBuiltin = async (ctx) => {
  const state = ctx.shell.state;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    const names = [...new Set([...ctx.shell.session.vars.names(), ...state.arrays.keys()])].sort();
    for (const n of names) {
      const array = state.arrays.get(n);
      if (array) ctx.io.out.write(`${n}=(${[...array].sort(([a], [b]) => a - b).map(([i, v]) => `[${i}]=${quoteForSet(v, true)}`).join(' ')})\n`);
      else ctx.io.out.write(`${n}=${quoteForSet(ctx.shell.session.vars.get(n) ?? '', false)}\n`);
    }
    return 0;
  }
  const options: Record<string, keyof typeof state.options> = { u: 'nounset', x: 'xtrace', f: 'noglob', H: 'histexpand' };
  const named: Record<string, keyof typeof state.options> = { nounset: 'nounset', xtrace: 'xtrace', pipefail: 'pipefail', noglob: 'noglob', histexpand: 'histexpand' };
  while (args.length) {
    const arg = args[0];
    if (arg === '--') {
      args.shift();
      state.positional = args;
      return 0;
    }
    if (arg === '-' || arg === '+') {
      args.shift();
      break;
    }
    if (/^[-+]o$/.test(arg)) {
      const option = args[1];
      if (option === undefined) {
        for (const [o, key] of Object.entries(named).sort()) ctx.io.out.write(`${o.padEnd(15)}\t${state.options[key] ? 'on' : 'off'}\n`);
        return 0;
      }
      args.splice(0, 2);
      if (named[option]) state.options[named[option]] = arg[0] === '-';
      else if (['errexit', 'noclobber', 'emacs', 'vi', 'history', 'monitor', 'notify', 'braceexpand', 'hashall', 'interactive-comments'].includes(option)) {
        ctx.io.err.write(`bash: set: ${option}: not available in this lab\n`);
        return 1;
      } else {
        ctx.io.err.write(`bash: set: ${option}: invalid option name\n`);
        return 2;
      }
      continue;
    }
    if (/^[-+][A-Za-z]+$/.test(arg)) {
      args.shift();
      for (const flag of arg.slice(1)) {
        if (options[flag]) state.options[options[flag]] = arg[0] === '-';
        else if ('eBChkmnPpbtTvE'.includes(flag)) {
          ctx.io.err.write(`bash: set: ${arg[0]}${flag}: not available in this lab\n`);
          return 1;
        } else {
          ctx.io.err.write(`bash: set: ${arg[0]}${flag}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
          return 2;
        }
      }
      continue;
    }
    break;
  }
  if (args.length) state.positional = args;
  return 0;
};

/** How `set` shows a value: bare when safe, else single-quoted (or $'…' for control characters). */
function quoteForSet(value: string, inArray: boolean): string {
  if (/[\x00-\x1f\x7f]/.test(value)) {
    return `$'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\x1b/g, '\\E')}'`;
  }
  if (inArray) return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
  return value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

const shift: ShellBuiltin = async (ctx) => {
  const state = ctx.shell.state;
  const arg = ctx.argv[1] ?? '1';
  if (!/^-?[0-9]+$/.test(arg)) {
    ctx.io.err.write(`bash: shift: ${arg}: numeric argument required\n`);
    return 1;
  }
  const n = Number(arg);
  if (n < 0) {
    ctx.io.err.write(`bash: shift: ${arg}: shift count out of range\n`);
    return 1;
  }
  if (n > state.positional.length) return 1;
  state.positional = state.positional.slice(n);
  return 0;
};

const returnBuiltin: ShellBuiltin = async (ctx) => {
  if (ctx.shell.functionDepth === 0) {
    ctx.io.err.write("bash: return: can only `return' from a function or sourced script\n");
    return 2;
  }
  const arg = ctx.argv[1];
  if (arg !== undefined && !/^-?[0-9]+$/.test(arg)) {
    ctx.io.err.write(`bash: return: ${arg}: numeric argument required\n`);
    throw new ReturnSignal(2);
  }
  throw new ReturnSignal(arg === undefined ? ctx.shell.lastStatus() : ((Number(arg) % 256) + 256) % 256);
};

/** IFS splitting for read: `count` fields at most, the last taking the rest of the line. */
function splitForRead(line: string, ifs: string, count: number): string[] {
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWhite = (c: string) => white.includes(c);
  const isIfs = (c: string) => ifs.includes(c);
  let i = 0;
  while (i < line.length && isWhite(line[i])) i++;
  const fields: string[] = [];
  while (i < line.length && fields.length < count - 1) {
    let field = '';
    while (i < line.length && !isIfs(line[i])) field += line[i++];
    fields.push(field);
    if (i >= line.length) break;
    // The delimiter: white space around at most one other IFS character.
    while (i < line.length && isWhite(line[i])) i++;
    if (i < line.length && isIfs(line[i]) && !isWhite(line[i])) {
      i++;
      while (i < line.length && isWhite(line[i])) i++;
    }
  }
  if (fields.length < count && i < line.length) {
    let rest = line.slice(i);
    let end = rest.length;
    while (end > 0 && isWhite(rest[end - 1])) end--;
    rest = rest.slice(0, end);
    fields.push(rest);
  }
  return fields;
}

const read: ShellBuiltin = async (ctx) => {
  const shell = ctx.shell;
  const args = ctx.argv.slice(1);
  let raw = false;
  let arrayName: string | undefined;
  let delimiter = '\n';
  let count: number | undefined;
  while (args.length && args[0].startsWith('-') && args[0] !== '-') {
    const arg = args.shift()!;
    if (arg === '--') break;
    for (let i = 1; i < arg.length; i++) {
      const flag = arg[i];
      const takes = 'apdntu'.includes(flag);
      let value: string | undefined;
      if (takes) {
        value = arg.slice(i + 1) || args.shift();
        if (value === undefined) {
          ctx.io.err.write(`bash: read: -${flag}: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
          return 2;
        }
        i = arg.length;
      }
      if (flag === 'r') raw = true;
      else if (flag === 's' || flag === 'e') continue;
      else if (flag === 'a') arrayName = value;
      else if (flag === 'd') delimiter = value === '' ? '\0' : value![0];
      else if (flag === 'n' || flag === 'N') count = Number(value);
      else if (flag === 'p' || flag === 't' || flag === 'u') continue;
      else {
        ctx.io.err.write(`bash: read: -${flag}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
        return 2;
      }
    }
  }
  for (const name of args) {
    if (!NAME.test(name)) {
      ctx.io.err.write(`bash: read: \`${name}': not a valid identifier\n`);
      return 1;
    }
  }
  const input = ctx.io.in;
  if (!input || input.terminal) {
    ctx.io.err.write('bash: read: reading from the terminal is not available in this lab (give it a pipe, a here-string <<< or a file)\n');
    return 1;
  }
  const text = input.rest();
  // Read up to the delimiter; without -r a backslash escapes the next character and joins lines.
  let line = '';
  let i = 0;
  let found = false;
  const escaped: boolean[] = [];
  while (i < text.length) {
    const c = text[i];
    if (count !== undefined && line.length >= count) {
      found = true;
      break;
    }
    if (c === delimiter) {
      found = true;
      i++;
      break;
    }
    if (c === '\\' && !raw) {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 < text.length) {
        line += text[i + 1];
        escaped[line.length - 1] = true;
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    line += c;
    i++;
  }
  input.pos += i;
  const ifsValue = shell.variable('IFS');
  const ifs = ifsValue === undefined ? ' \t\n' : ifsValue;
  if (arrayName) {
    const fields = ifs === '' ? [line] : splitForRead(line, ifs, Number.MAX_SAFE_INTEGER);
    shell.session.vars.unset(arrayName);
    shell.state.arrays.set(arrayName, new Map(fields.map((f, n): [number, string] => [n, f])));
  } else if (args.length === 0) shell.assign('REPLY', line);
  else {
    const fields = ifs === '' ? [line] : splitForRead(line, ifs, args.length);
    args.forEach((name, n) => shell.assign(name, fields[n] ?? ''));
  }
  return found ? 0 : 1;
};

const type: ShellBuiltin = async (ctx) => {
  const args = ctx.argv.slice(1);
  let terse = false;
  let all = false;
  let pathOnly = false;
  while (args.length && /^-[atpPf]+$/.test(args[0])) {
    const flags = args.shift()!;
    if (flags.includes('t')) terse = true;
    if (flags.includes('a')) all = true;
    if (flags.includes('p') || flags.includes('P')) pathOnly = true;
  }
  if (args[0] === '--') args.shift();
  else if (args.length && /^-./.test(args[0])) {
    ctx.io.err.write(`bash: type: ${args[0].slice(0, 2)}: invalid option\ntype: usage: type [-afptP] name [name ...]\n`);
    return 2;
  }
  let status = 0;
  for (const name of args) {
    const kinds: Array<[string, string]> = [];
    if (KEYWORDS.has(name)) kinds.push(['keyword', `${name} is a shell keyword`]);
    const fn = ctx.shell.state.functions.get(name);
    if (fn) kinds.push(['function', `${name} is a function\n${functionText(fn)}`]);
    if (BASH_BUILTINS.has(name) || shellBuiltins.has(name)) kinds.push(['builtin', `${name} is a shell builtin`]);
    // Debian merges /bin into /usr/bin, so a program is found in both of PATH's directories.
    const program = (findCommand(name) && !BASH_BUILTINS.has(name)) || ['echo', 'false', 'kill', 'printf', 'pwd', 'test', 'true', '['].includes(name);
    if (program && (all || !BASH_BUILTINS.has(name))) for (const dir of all ? ['/usr/bin', '/bin'] : ['/usr/bin']) kinds.push(['file', `${name} is ${dir}/${name}`]);
    if (kinds.length === 0) {
      if (!terse && !pathOnly) ctx.io.err.write(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    for (const [kind, text] of all ? kinds : kinds.slice(0, 1)) {
      if (pathOnly) {
        if (kind === 'file') ctx.io.out.write(`${text.slice(text.indexOf(' is ') + 4)}\n`);
      } else ctx.io.out.write(`${terse ? kind : text}\n`);
    }
  }
  return status;
};


const unset: ShellBuiltin = async (ctx) => {
  const shell = ctx.shell;
  const args = ctx.argv.slice(1);
  let mode: 'f' | 'v' | undefined;
  while (args.length && /^-[fvn]+$/.test(args[0])) mode = args.shift()!.includes('f') ? 'f' : 'v';
  if (args[0] === '--') args.shift();
  else if (args.length && /^-./.test(args[0])) {
    ctx.io.err.write(`bash: unset: ${args[0].slice(0, 2)}: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n`);
    return 2;
  }
  let status = 0;
  for (const name of args) {
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(name);
    if (mode !== 'f' && shell.state.readonly.has(element ? element[1] : name)) {
      ctx.io.err.write(`bash: unset: ${element ? element[1] : name}: cannot unset: readonly variable\n`);
      status = 1;
      continue;
    }
    if (element && mode !== 'f') {
      const array = shell.state.arrays.get(element[1]);
      if (element[2] === '@' || element[2] === '*') shell.state.arrays.delete(element[1]);
      else if (array) array.delete(Number(evaluateArithmetic(element[2], { get: (n) => shell.variable(n), set: (n, v) => shell.assign(n, v) })));
      else if (element[2] === '0') shell.session.vars.unset(element[1]);
      continue;
    }
    if (!NAME.test(name) && mode !== 'f') {
      ctx.io.err.write(`bash: unset: \`${name}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (mode === 'f') {
      shell.state.functions.delete(name);
      continue;
    }
    const isVariable = shell.session.vars.get(name) !== undefined || shell.state.arrays.has(name);
    shell.session.vars.unset(name);
    shell.state.arrays.delete(name);
    if (!isVariable && mode === undefined) shell.state.functions.delete(name);
  }
  return status;
};

const evalBuiltin: ShellBuiltin = async (ctx) => {
  const text = ctx.argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  let list;
  try {
    list = parse(text);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    ctx.io.err.write(`bash: ${error.message}\n`);
    return 2;
  }
  return ctx.shell.list(list, ctx.io);
};

const letBuiltin: ShellBuiltin = async (ctx) => {
  const shell = ctx.shell;
  if (ctx.argv.length < 2) {
    ctx.io.err.write('bash: let: expression expected\n');
    return 1;
  }
  let value = '0';
  for (const expression of ctx.argv.slice(1)) {
    try {
      value = evaluateArithmetic(expression, { get: (n) => shell.variable(n), set: (n, v) => shell.assign(n, v) });
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      ctx.io.err.write(`bash: let: ${error.message}\n`);
      return 1;
    }
  }
  return value === '0' ? 1 : 0;
};

/** `exit [n]`: ends a subshell; typed at the prompt, it ends the line (the lab's terminal stays open). */
const exit: ShellBuiltin = async (ctx) => {
  const arg = ctx.argv[1];
  if (arg !== undefined && !/^-?[0-9]+$/.test(arg)) {
    ctx.io.err.write(`bash: exit: ${arg}: numeric argument required\n`);
    throw new ExitSignal(2);
  }
  throw new ExitSignal(arg === undefined ? ctx.shell.lastStatus() : ((Number(arg) % 256) + 256) % 256);
};

/** `source FILE` and `. FILE`: the lines of a file of the lab's tree, run in this shell. */
const source: ShellBuiltin = async (ctx) => {
  const name = ctx.argv[0];
  const file = ctx.argv[1];
  if (file === undefined) {
    ctx.io.err.write(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const session = ctx.shell.session;
  await prepareTree(session);
  const path = resolvePath(session.vars.get('PWD') ?? '/', file);
  const text = isDirectory(session, path) ? undefined : readFile(session, path);
  if (text === undefined) {
    ctx.io.err.write(`bash: ${file}: ${isDirectory(session, path) ? 'is a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  let list;
  try {
    list = parse(text);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    ctx.io.err.write(`bash: ${file}: ${error.message}\n`);
    return 2;
  }
  try {
    return await ctx.shell.list(list, ctx.io);
  } catch (error) {
    if (error instanceof ReturnSignal) return error.status;
    throw error;
  }
};

/** What `command -v` prints for a name, or undefined when the shell has no such command. */
function commandPath(ctx: ShellBuiltinContext, name: string): string | undefined {
  if (ctx.shell.state.functions.has(name) || KEYWORDS.has(name) || BASH_BUILTINS.has(name) || shellBuiltins.has(name)) return name;
  return findCommand(name) ? `/usr/bin/${name}` : undefined;
}

/** `command NAME …` runs NAME passing over functions; `command -v NAME` says what NAME is. */
const command: ShellBuiltin = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    const verbose = args.shift() === '-V';
    let status = 0;
    for (const name of args) {
      const found = commandPath(ctx, name);
      if (found === undefined) {
        if (verbose) ctx.io.err.write(`bash: command: ${name}: not found\n`);
        status = 1;
      } else if (verbose) await type({ ...ctx, argv: ['type', name] });
      else ctx.io.out.write(`${found}\n`);
    }
    return status;
  }
  if (args.length === 0) return 0;
  return ctx.shell.runCommand(args, ctx.io, { functions: false });
};

const builtin: ShellBuiltin = async (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return 0;
  if (!BASH_BUILTINS.has(name) && !shellBuiltins.has(name)) {
    ctx.io.err.write(`bash: builtin: ${name}: not a shell builtin\n`);
    return 1;
  }
  return ctx.shell.runCommand(ctx.argv.slice(1), ctx.io, { functions: false });
};

/** `mapfile [-t] [NAME]`, `readarray`: the lines of standard input into an array (MAPFILE by default). */
const mapfile: ShellBuiltin = async (ctx) => {
  const args = ctx.argv.slice(1);
  let trim = false;
  while (args.length && /^-[t]+$/.test(args[0])) {
    args.shift();
    trim = true;
  }
  if (args.length && args[0].startsWith('-')) {
    ctx.io.err.write(`bash: ${ctx.argv[0]}: ${args[0]}: not available in this lab (only -t is)\n`);
    return 2;
  }
  const name = args[0] ?? 'MAPFILE';
  if (!NAME.test(name)) {
    ctx.io.err.write(`bash: ${ctx.argv[0]}: \`${name}': not a valid identifier\n`);
    return 1;
  }
  const input = ctx.io.in;
  const text = input ? input.rest() : '';
  if (input) input.pos = input.text.length;
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  ctx.shell.session.vars.unset(name);
  ctx.shell.state.arrays.set(name, new Map(lines.map((l, i): [number, string] => [i, trim ? l.replace(/\n$/, '') : l])));
  return 0;
};

/** bash builtins the lab does not run: said so in bash's voice rather than "command not found". */
const notAvailable: ShellBuiltin = async (ctx) => {
  ctx.io.err.write(`bash: ${ctx.argv[0]}: not available in this lab\n`);
  return 1;
};

/** How `alias` prints one: single-quoted as bash does. */
const aliasLine = (name: string, text: string) => `alias ${name}='${text.replace(/'/g, "'\\''")}'\n`;

/** `alias [-p] [name[=value] …]`: defines aliases, or prints them (all, sorted, without a name). */
const alias: ShellBuiltin = async (ctx) => {
  const aliases = ctx.shell.state.aliases;
  const args = ctx.argv.slice(1);
  while (args.length && /^-/.test(args[0])) {
    const option = args.shift()!;
    if (option === '--') break;
    if (option !== '-p') {
      ctx.io.err.write(`bash: alias: ${option.slice(0, 2)}: invalid option\nalias: usage: alias [-p] [name[=value] ... ]\n`);
      return 2;
    }
    if (!args.length) break;
  }
  if (!args.length || ctx.argv.includes('-p')) for (const name of [...aliases.keys()].sort()) ctx.io.out.write(aliasLine(name, aliases.get(name)!));
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      const name = arg.slice(0, eq);
      if (/[\s|&;<>()'"\\$`/]/.test(name)) {
        ctx.io.err.write(`bash: alias: \`${name}': invalid alias name\n`);
        status = 1;
      } else aliases.set(name, arg.slice(eq + 1));
    } else if (aliases.has(arg)) ctx.io.out.write(aliasLine(arg, aliases.get(arg)!));
    else {
      ctx.io.err.write(`bash: alias: ${arg}: not found\n`);
      status = 1;
    }
  }
  return status;
};

/** `unalias [-a] name …`. */
const unalias: ShellBuiltin = async (ctx) => {
  const aliases = ctx.shell.state.aliases;
  const args = ctx.argv.slice(1);
  if (args[0] === '-a') {
    aliases.clear();
    return 0;
  }
  if (args[0] === '--') args.shift();
  else if (args.length && /^-./.test(args[0])) {
    ctx.io.err.write(`bash: unalias: ${args[0].slice(0, 2)}: invalid option\nunalias: usage: unalias [-a] name [name ...]\n`);
    return 2;
  }
  if (!args.length) {
    ctx.io.err.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const name of args) {
    if (!aliases.delete(name)) {
      ctx.io.err.write(`bash: unalias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const NOT_AVAILABLE = ['trap', 'shopt', 'jobs', 'fg', 'bg', 'wait', 'exec', 'hash', 'ulimit', 'umask', 'getopts', 'pushd', 'popd', 'dirs', 'times', 'caller', 'compgen', 'complete', 'compopt', 'enable', 'fc', 'bind', 'suspend', 'logout', 'disown', 'kill', 'coproc'];

/** `readonly NAME[=VALUE]…`: `declare -r`; the listing forms are not kept by the lab. */
const readonly: ShellBuiltin = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (!args.length || /^-/.test(args[0])) {
    ctx.io.err.write(`bash: readonly: ${args[0] ?? 'listing'}: not available in this lab (readonly NAME[=VALUE] is)\n`);
    return 1;
  }
  return declare({ ...ctx, argv: ['readonly', '-r', ...args] });
};

export const shellBuiltins = new Map<string, ShellBuiltin>([
  ...NOT_AVAILABLE.map((name): [string, ShellBuiltin] => [name, notAvailable]),
  ['source', source],
  ['.', source],
  ['command', command],
  ['builtin', builtin],
  ['mapfile', mapfile],
  ['readarray', mapfile],
  ['exit', exit],
  [':', async () => 0],
  ['break', breakOrContinue('break')],
  ['continue', breakOrContinue('continue')],
  ['return', returnBuiltin],
  ['local', declare],
  ['declare', declare],
  ['typeset', declare],
  ['readonly', readonly],
  ['alias', alias],
  ['unalias', unalias],
  ['set', set],
  ['shift', shift],
  ['read', read],
  ['type', type],
  ['unset', unset],
  ['eval', evalBuiltin],
  ['let', letBuiltin],
]);

/** Whether a name is something the shell runs (for completion and `help`). */
export function isShellName(name: string): boolean {
  return shellBuiltins.has(name) || registry.has(name);
}

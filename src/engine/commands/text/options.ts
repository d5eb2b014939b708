// Short-option parsing shared by the coreutils-style tools (`-f5`, `-f 5`, `-sn`, `--`), with
// GNU's own messages for unknown options and missing arguments.
import type { CommandContext } from '../types.ts';

export interface ParsedOptions {
  flags: Set<string>;
  /** The last value of each option that takes one. */
  values: Map<string, string>;
  /** Every value of each option, in order (grep -e A -e B). */
  lists: Map<string, string[]>;
  operands: string[];
}

export class OptionError extends Error {}

/** `withValue`: letters that take an argument; `long`: long option name → letter. */
export function parseOptions(tool: string, args: string[], letters: string, withValue: string, long: Record<string, string> = {}): ParsedOptions {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const operands: string[] = [];
  const setValue = (letter: string, value: string) => {
    values.set(letter, value);
    lists.set(letter, [...(lists.get(letter) ?? []), value]);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      for (const operand of args.slice(i + 1)) operands.push(operand);
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const letter = long[name];
      if (!letter) throw new OptionError(`${tool}: unrecognized option '${arg}'`);
      if (withValue.includes(letter)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new OptionError(`${tool}: option '--${name}' requires an argument`);
        setValue(letter, value);
      } else flags.add(letter);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (withValue.includes(letter)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) throw new OptionError(`${tool}: option requires an argument -- '${letter}'`);
        setValue(letter, value);
        break;
      }
      if (!letters.includes(letter)) throw new OptionError(`${tool}: invalid option -- '${letter}'`);
      flags.add(letter);
    }
  }
  return { flags, values, lists, operands };
}

/** Prints a usage error the GNU way and returns the tool's status for it. */
export function usageError(ctx: CommandContext, tool: string, message: string, status = 1): number {
  ctx.stderr.write(`${message}\nTry '${tool} --help' for more information.\n`);
  return status;
}

/** Input lines (without their newlines); a missing final newline is tolerated as the tools do.
 * With `terminator` NUL (-z), records end with NUL instead and newlines are ordinary characters. */
export function inputLines(text: string, terminator = '\n'): string[] {
  if (text === '') return [];
  const lines = text.split(terminator);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

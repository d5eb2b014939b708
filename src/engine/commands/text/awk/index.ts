// awk as GNU awk 5.2 runs it (what `awk` is on Azure Cloud Shell and RHEL, and on Debian once
// gawk is installed): -F, -v, -f (a file of the lab's tree), `var=value` operands, files of the
// tree or standard input, and gawk's messages for syntax errors (the line and a caret) and fatal
// errors. Written for the lab rather than taken from a library: no maintained JavaScript awk
// reproduces gawk's output and messages byte for byte, and this one shares the lab's bounded
// POSIX regex engine and C number formatting.
import type { Command, CommandContext } from '../../types.ts';
import { operandReader } from '../../fs/files.ts';
import { absolute } from '../../fs/files.ts';
import { readFile } from '../../fs/tree.ts';
import { AwkSyntaxError } from './lexer.ts';
import { parseProgram, type Expr, type Program } from './parser.ts';
import { AwkFatal, Interpreter, processEscapes, type Input } from './interpreter.ts';
import { toPosix } from './regex.ts';
import { parsePosix, PosixSyntaxError } from '../../../regex/posix.ts';
import { USAGE, VERSION } from './usage.ts';

/** The line of the program a position falls on, and the column within it. */
function locate(source: string, position: number): { line: number; text: string; column: number } {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = source.indexOf('\n', lineStart);
  return { line, text: source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd), column: position - lineStart };
}

/** A node of the program's tree that is the expression of that type (no statement shares an
 * expression's type name). */
function isNodeOf<T extends Expr['type']>(node: object, type: T): node is Extract<Expr, { type: T }> {
  return 'type' in node && node.type === type;
}

/** What gawk finds wrong while reading the program beyond its grammar: regex literals it cannot
 * compile, a constant division by zero it folds. */
function checkProgram(program: Program): string | undefined {
  const check = (node: unknown): string | undefined => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = check(item);
        if (found) return found;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    const e = node;
    if (isNodeOf(e, 'regex') || isNodeOf(e, 'typedregex')) {
      try {
        parsePosix(toPosix(e.source), true, false);
      } catch (error) {
        if (error instanceof PosixSyntaxError) return `${error.message}: /${e.source}/`;
        throw error;
      }
    }
    if (isNodeOf(e, 'binary') && (e.op === '/' || e.op === '%') && e.left.type === 'num' && e.right.type === 'num' && e.right.value === 0) {
      return e.op === '/' ? 'division by zero attempted' : "division by zero attempted in `%'";
    }
    return check(Object.values(node));
  };
  for (const f of program.functions.values()) {
    const clash = f.params.includes(f.name);
    if (clash) return `function \`${f.name}': cannot use function name as parameter name`;
  }
  return check(program.rules) ?? check([...program.functions.values()].map((f) => f.body));
}

/** gawk's long options and the short letter each stands for. */
const LONG_OPTIONS: Record<string, string> = {
  'field-separator': 'F', assign: 'v', file: 'f', source: 'e', version: 'V', help: 'h', 'characters-as-bytes': 'b', traditional: 'c',
  posix: 'P', 're-interval': 'r', optimize: 'O', 'no-optimize': 's', sandbox: 'S', 'use-lc-numeric': 'N', copyright: 'C',
  'dump-variables': 'd', debug: 'D', exec: 'E', 'gen-pot': 'g', include: 'i', trace: 'I', load: 'l', lint: 'L', bignum: 'M',
  'non-decimal-data': 'n', 'pretty-print': 'o', profile: 'p', 'lint-old': 't',
};

/** -F's argument, its escapes read as in a string. */
function fieldSeparator(value: string): string {
  return processEscapes(value);
}

export const awk: Command = {
  name: 'awk',
  summary: 'Scan lines and fields (GNU awk: \'{print $1}\', -F, -v, BEGIN/END, patterns, printf, arrays, sub/gsub/split …).',
  async run(ctx: CommandContext) {
    const args = ctx.argv.slice(1);
    const assignments: Array<[string, string]> = [];
    let fs: string | undefined;
    let source: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      let a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      // GNU long options, as their short letters.
      const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
      if (long) {
        const letter = LONG_OPTIONS[long[1]];
        if (!letter) {
          ctx.stderr.write(USAGE);
          return 1;
        }
        a = `-${letter}`;
        if (long[2] !== undefined) a += long[2];
      }
      const letter = a[1];
      if ('Fvfe'.includes(letter)) {
        const value = a.length > 2 ? a.slice(2) : args[++i];
        if (value === undefined) {
          ctx.stderr.write(`awk: option requires an argument -- ${letter}\n${USAGE}`);
          return 1;
        }
        if (letter === 'F') fs = fieldSeparator(value);
        else if (letter === 'v') {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
          if (!value.includes('=')) {
            ctx.stderr.write(`awk: \`${value}' argument to \`-v' not in \`var=value' form\n\n${USAGE}`);
            return 1;
          }
          if (!m) {
            ctx.stderr.write(`awk: fatal: \`${value.split('=')[0]}' is not a legal variable name\n`);
            return 2;
          }
          assignments.push([m[1], m[2]]);
        } else if (letter === 'e') source = (source === undefined ? '' : `${source}\n`) + value;
        else {
          const text = readFile(ctx.session, absolute(ctx, value));
          if (text === undefined) {
            ctx.stderr.write(`awk: fatal: cannot open source file \`${value}' for reading: No such file or directory\n`);
            return 2;
          }
          source = (source === undefined ? '' : `${source}\n`) + text;
        }
        continue;
      }
      if (letter === 'V') {
        ctx.stdout.write(VERSION);
        return 0;
      }
      if (letter === 'h') {
        ctx.stdout.write(USAGE);
        return 0;
      }
      // Options that change nothing the lab's awk does.
      if (a.length === 2 && 'bcPrOsSN'.includes(letter)) continue;
      if (a.length >= 2 && 'CdDEgiIlLMnopt'.includes(letter)) {
        ctx.stderr.write(`awk: option -${letter} is not available in this lab (it takes -F fs, -v var=val, -f progfile, -e 'program', -V)\n`);
        return 1;
      }
      ctx.stderr.write(USAGE);
      return 1;
    }
    if (source === undefined) {
      if (i >= args.length) {
        ctx.stderr.write(USAGE);
        return 1;
      }
      source = args[i++];
    }
    const operands = args.slice(i);
    let program: Program;
    try {
      program = parseProgram(source);
    } catch (error) {
      if (!(error instanceof AwkSyntaxError)) throw error;
      const { line, text, column } = locate(source, error.position);
      ctx.stderr.write(`awk: cmd. line:${line}: ${text}\nawk: cmd. line:${line}: ${' '.repeat(column)}^ ${error.message}\n`);
      return 1;
    }
    const problem = checkProgram(program);
    if (problem) {
      ctx.stderr.write(`awk: cmd. line:1: error: ${problem}\n`);
      return 1;
    }
    const read = await operandReader(ctx);
    const interpreter = new Interpreter(program, {
      write: (text) => ctx.stdout.write(text),
      writeError: (text) => ctx.stderr.write(text),
      readFile: (name) => {
        const r = read(name);
        return 'text' in r ? r.text : undefined;
      },
      environment: ctx.session.vars.environment(),
      now: () => ctx.session.now(),
    });
    interpreter.setArguments(['awk', ...operands]);
    if (fs !== undefined) interpreter.assign('FS', fs);
    try {
      for (const [name, value] of assignments) interpreter.assign(name, value);
      // Inputs in their turn: `var=value` operands are assignments made when awk reaches them.
      const inputs: Input[] = [];
      let files = 0;
      for (const [index, operand] of operands.entries()) {
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
        if (assignment) {
          inputs.push({ assign: [assignment[1], assignment[2]] });
          continue;
        }
        files++;
        const r = read(operand);
        if ('text' in r) inputs.push({ name: operand, text: r.text, argIndex: index + 1 });
        else if (r.error === 'Is a directory') ctx.stderr.write(`awk: warning: command line argument \`${operand}' is a directory: skipped\n`);
        else inputs.push({ missing: operand });
      }
      // Standard input is FILENAME `-' to gawk 5.2, ARGIND 0.
      if (files === 0) inputs.push({ name: '-', text: ctx.stdin, argIndex: 0 });
      interpreter.setInputs(inputs);
      return interpreter.run();
    } catch (error) {
      if (!(error instanceof AwkFatal)) throw error;
      const where = error.message.startsWith('fatal: cannot open file') ? 'awk: ' : 'awk: cmd. line:1: ';
      ctx.stderr.write(`${where}${error.message}\n`);
      return 2;
    }
  },
};

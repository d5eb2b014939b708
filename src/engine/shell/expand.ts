// Word expansion as bash does it for the lessons: variables (`${#VAR}`, `${VAR:-x}` too),
// arithmetic and command substitutions, then
// word splitting of unquoted results on blanks and newlines. No globbing: the lab has no files,
// and bash leaves an unmatched pattern as it is.
import type { List, Word } from './ast.ts';
import { evaluateArithmetic } from './arithmetic.ts';
import { concat, LabLimitError, MAX_VALUE } from './limits.ts';
import { codePoints } from '../format/code-points.ts';

export interface Expander {
  variable(name: string): string | undefined;
  /** Sets a shell variable (`$(( x = 1 ))`). */
  assign(name: string, value: string): void;
  /** Runs a substituted command list and returns its stdout. */
  substitute(list: List): Promise<string>;
}

const IFS = /[ \t\n]+/;

async function partValue(part: Word['parts'][number], env: Expander): Promise<string> {
  if (part.kind === 'literal') return part.text;
  if (part.kind === 'arithmetic') {
    // `$NAME` and `$( )` inside are expanded first; bare names are read by the evaluator.
    const text = await expandToString(part.expression, env);
    return evaluateArithmetic(text, { get: (name) => env.variable(name), set: (name, value) => env.assign(name, value) });
  }
  if (part.kind === 'variable') {
    const value = env.variable(part.name);
    if (part.length) return String(codePoints(value ?? ''));
    if ((value === undefined || value === '') && part.fallback) return expandToString(part.fallback, env);
    return value ?? '';
  }
  // Command substitution drops every trailing newline.
  return (await env.substitute(part.list)).replace(/\n+$/, '');
}

/** Expands a word into fields (zero, one or several after splitting). */
export async function expandWord(word: Word, env: Expander): Promise<string[]> {
  const fields: string[] = [];
  let current = '';
  let hasCurrent = false;
  for (const part of word.parts) {
    const value = await partValue(part, env);
    if (part.quoted || part.kind === 'literal') {
      current = concat(current, value);
      hasCurrent = true;
      continue;
    }
    const pieces = value.split(IFS);
    // A leading separator ends the field being built; a trailing one starts a new one.
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (hasCurrent) fields.push(current);
        current = '';
        hasCurrent = false;
      }
      if (piece) {
        current = concat(current, piece);
        hasCurrent = true;
      }
    });
  }
  if (hasCurrent) fields.push(current);
  return fields;
}

/** Expands a word without splitting (assignments, redirection targets). */
export async function expandToString(word: Word, env: Expander): Promise<string> {
  let out = '';
  for (const part of word.parts) out = concat(out, await partValue(part, env));
  return out;
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

// Word expansion as bash does it for the lessons: variables (`${#VAR}`, `${VAR:-x}` too),
// arithmetic and command substitutions, then
// word splitting of unquoted results on blanks and newlines. No globbing: the lab has no files,
// and bash leaves an unmatched pattern as it is.
import type { List, Word } from './ast.ts';
import { evaluateArithmetic } from './arithmetic.ts';

export interface Expander {
  variable(name: string): string | undefined;
  /** Runs a substituted command list and returns its stdout. */
  substitute(list: List): Promise<string>;
}

const IFS = /[ \t\n]+/;

async function partValue(part: Word['parts'][number], env: Expander): Promise<string> {
  if (part.kind === 'literal') return part.text;
  if (part.kind === 'arithmetic') {
    // Variables written as $NAME inside are substituted first; bare names are read by the evaluator.
    const text = part.expression.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#0])\}?/g, (_, name: string) => env.variable(name) ?? '');
    return evaluateArithmetic(text, (name) => env.variable(name));
  }
  if (part.kind === 'variable') {
    const value = env.variable(part.name);
    if (part.length) return String([...(value ?? '')].length);
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
      current += value;
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
        current += piece;
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
  for (const part of word.parts) out += await partValue(part, env);
  return out;
}

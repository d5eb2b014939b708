// bash's $(( )) for the lessons: integers, + - * / % and parentheses, unary signs, and variable
// names (an unset or non-numeric one counts as 0). Division truncates toward zero, as in C.
import { ShellSyntaxError } from './parser.ts';

type Token = { kind: 'number'; value: bigint } | { kind: 'op'; value: string };

function tokens(text: string, variable: (name: string) => string | undefined): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%()]))/y;
  let at = 0;
  while (at < text.trimEnd().length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new ShellSyntaxError(`${text.trim()}: syntax error: invalid arithmetic operator (error token is "${text.slice(at).trim()}")`);
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'number', value: BigInt(m[1]) });
    else if (m[2] !== undefined) {
      const value = variable(m[2])?.trim() ?? '';
      out.push({ kind: 'number', value: /^-?\d+$/.test(value) ? BigInt(value) : 0n });
    } else out.push({ kind: 'op', value: m[3] });
  }
  return out;
}

export function evaluateArithmetic(text: string, variable: (name: string) => string | undefined): string {
  const list = tokens(text, variable);
  let i = 0;
  const fail = (): never => {
    const rest = list.slice(i).map((t) => String(t.value)).join(' ');
    throw new ShellSyntaxError(`${text.trim()}: syntax error: operand expected (error token is "${rest}")`);
  };
  const primary = (): bigint => {
    const t = list[i++];
    if (!t) return fail();
    if (t.kind === 'number') return t.value;
    if (t.value === '(') {
      const v = sum();
      if (list[i]?.value !== ')') fail();
      i++;
      return v;
    }
    if (t.value === '-') return -primary();
    if (t.value === '+') return primary();
    i--;
    return fail();
  };
  const product = (): bigint => {
    let v = primary();
    while (list[i]?.kind === 'op' && '*/%'.includes(String(list[i].value))) {
      const op = list[i++].value;
      const r = primary();
      if (op !== '*' && r === 0n) throw new ShellSyntaxError(`${text.trim()}: division by 0 (error token is "${String(list[i - 1]?.value ?? '0')}")`);
      v = op === '*' ? v * r : op === '/' ? v / r : v % r;
    }
    return v;
  };
  const sum = (): bigint => {
    let v = product();
    while (list[i]?.kind === 'op' && (list[i].value === '+' || list[i].value === '-')) {
      const op = list[i++].value;
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  if (list.length === 0) return '0';
  const value = sum();
  if (i < list.length) fail();
  return String(value);
}

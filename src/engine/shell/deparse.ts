// A function as `type f` and `declare -f` print it: bash does not keep the text typed but
// reprints the parsed definition in its own layout (four-space indents, `;` at the end of each
// line of a list, `then`/`do` placement, `case` items on their own lines). Words are printed as
// typed.
import type { Assignment, Command, CondExpr, FunctionDefinition, List, Pipeline, Redirect, Word } from './ast.ts';

const INDENT = '    ';

function word(w: Word): string {
  return w.raw ?? w.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
}

function assignment(a: Assignment): string {
  const index = a.index ? `[${word(a.index)}]` : '';
  const value = a.array ? `(${a.array.map(word).join(' ')})` : word(a.value);
  return `${a.name}${index}${a.append ? '+=' : '='}${value}`;
}

function redirect(r: Redirect): string {
  const defaultFd = r.op.startsWith('<') ? 0 : 1;
  const fd = r.op.startsWith('&') || r.fd === defaultFd ? '' : String(r.fd);
  if (r.op === '>&' || r.op === '<&') return `${fd}${r.op}${word(r.target)}`;
  if (r.op === '<<' || r.op === '<<-') return `${fd}${r.op}${word(r.target)}`;
  return `${fd}${r.op} ${word(r.target)}`;
}

function redirects(rs: Redirect[]): string {
  return rs.map((r) => ` ${redirect(r)}`).join('');
}

function cond(e: CondExpr): string {
  switch (e.kind) {
    case 'and':
      return `${cond(e.left)} && ${cond(e.right)}`;
    case 'or':
      return `${cond(e.left)} || ${cond(e.right)}`;
    case 'not':
      return `! ${cond(e.expr)}`;
    case 'unary':
      return `${e.op} ${word(e.arg)}`;
    case 'binary':
      return `${word(e.left)} ${e.op} ${word(e.right)}`;
    case 'word':
      return word(e.word);
  }
}

/** A list, one pipeline a line, each line but the last ending in `;`. */
function list(l: List, indent: string): string {
  const lines: string[] = [];
  let line = '';
  l.items.forEach((item, i) => {
    line += pipeline(item, indent);
    const connector = l.connectors[i];
    if (connector === '&&' || connector === '||') line += ` ${connector} `;
    else {
      lines.push(line);
      line = '';
    }
  });
  if (line) lines.push(line);
  return lines.map((text, i) => `${indent}${text}${i < lines.length - 1 ? ';' : ''}`).join('\n');
}

function pipeline(p: Pipeline, indent: string): string {
  return `${p.negated ? '! ' : ''}${p.commands.map((c) => command(c, indent)).join(' | ')}`;
}

function command(c: Command, indent: string): string {
  const inner = indent + INDENT;
  switch (c.kind) {
    case 'simple':
      return [...c.assignments.map(assignment), ...c.words.map(word)].join(' ') + redirects(c.redirects);
    case 'function':
      return functionText(c, indent);
    case 'group':
      return `{ \n${list(c.body, inner)}\n${indent}}${redirects(c.redirects)}`;
    case 'subshell':
      return `( ${list(c.body, '').replace(/\n/g, ' ')} )${redirects(c.redirects)}`;
    case 'for':
      return `${c.select ? 'select' : 'for'} ${c.name}${c.items ? ` in ${c.items.map(word).join(' ')}` : ''};\n${indent}do\n${list(c.body, inner)};\n${indent}done${redirects(c.redirects)}`;
    case 'arith-for':
      return `for ((${word(c.init).trim()}; ${word(c.test).trim()}; ${word(c.update).trim()}))\n${indent}do\n${list(c.body, inner)};\n${indent}done${redirects(c.redirects)}`;
    case 'while':
      return `${c.until ? 'until' : 'while'} ${list(c.condition, '').replace(/\n/g, ' ')}; do\n${list(c.body, inner)};\n${indent}done${redirects(c.redirects)}`;
    case 'if': {
      const [first, ...rest] = c.clauses;
      let text = `if ${list(first.condition, '').replace(/\n/g, ' ')}; then\n${list(first.body, inner)};\n`;
      // bash prints elif as an if inside else.
      if (rest.length) text += `${indent}else\n${inner}${command({ kind: 'if', clauses: rest, otherwise: c.otherwise, redirects: [] }, inner)};\n`;
      else if (c.otherwise) text += `${indent}else\n${list(c.otherwise, inner)};\n`;
      return `${text}${indent}fi${redirects(c.redirects)}`;
    }
    case 'case': {
      let text = `case ${word(c.word)} in \n`;
      for (const item of c.items) {
        text += `${inner}${item.patterns.map(word).join(' | ')})\n${list(item.body, inner + INDENT)}\n${inner}${item.terminator}\n`;
      }
      return `${text}${indent}esac${redirects(c.redirects)}`;
    }
    case 'arith':
      return `(( ${word(c.expression).trim()} ))${redirects(c.redirects)}`;
    case 'cond':
      return `[[ ${cond(c.expr)} ]]${redirects(c.redirects)}`;
  }
}

/** `name () \n{ \n    body\n}` as bash prints a function. */
export function functionText(f: FunctionDefinition, indent = ''): string {
  const body = f.body.kind === 'group' ? `{ \n${list(f.body.body, indent + INDENT)}\n${indent}}${redirects(f.body.redirects)}` : command(f.body, indent);
  return `${f.name} () \n${indent}${body}`;
}

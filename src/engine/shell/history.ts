// bash's history expansion, done on a typed line before it is parsed: `!!` (the last command),
// `!$`, `!^`, `!*` (its last, first and every argument), `!n`, `!-n` and `!prefix`, with their
// `:n`-free forms only. As in an interactive bash, `!` is left alone inside single quotes, after a
// backslash, before a blank, `=`, `(` or the end, in `${!name}`, and before a closing double quote.

import type { SessionState } from '../commands/types.ts';
import { shellState } from './state.ts';

export type HistoryExpansion = { line: string; expanded: boolean } | { error: string };

/** The words of a history line as bash's history library splits them (blanks outside quotes). */
function words(line: string): string[] {
  return line.match(/(?:[^\s"'\\]|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+/g) ?? [];
}

/** The line as bash runs it after history expansion (off with `set +H`), against the session's history. */
export function expandHistory(line: string, session: SessionState): HistoryExpansion {
  const history = session.history;
  if (!line.includes('!') || !shellState(session).options.histexpand) return { line, expanded: false };
  let out = '';
  let expanded = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quote !== "'") {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === "'" && quote !== '"') quote = quote ? undefined : "'";
    else if (c === '"' && quote !== "'") quote = quote ? undefined : '"';
    const next = line[i + 1];
    if (c !== '!' || quote === "'" || next === undefined || /[\s=(]/.test(next) || (next === '"' && quote === '"') || line[i - 1] === '{') {
      out += c;
      continue;
    }
    const m = /^!(!|\$|\^|\*|-?[0-9]+|[^\s;&|<>()"'`$!]+)/.exec(line.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    const designator = m[1];
    const previous = history[history.length - 1];
    let event: string | undefined;
    let text: string | undefined;
    if (designator === '!' || designator === '$' || designator === '^' || designator === '*') event = previous;
    else if (/^-?[0-9]+$/.test(designator)) {
      const n = Number(designator);
      event = n < 0 ? history[history.length + n] : history[n - 1];
    } else event = [...history].reverse().find((h) => h.startsWith(designator));
    if (event === undefined) return { error: `${m[0]}: event not found` };
    const w = words(event);
    if (designator === '$') text = w[w.length - 1] ?? '';
    else if (designator === '^') text = w[1];
    else if (designator === '*') text = w.slice(1).join(' ');
    else text = event;
    if (text === undefined) return { error: `${m[0]}: bad word specifier` };
    out += text;
    expanded = true;
    i += m[0].length - 1;
  }
  return { line: out, expanded };
}

// Words after which bash joins the next line of a command with a space rather than `; `.
const JOINS_WITH_SPACE = /(?:(?:^|[\s;|&(){}])(?:do|then|else|\{|\()|\||\|\||&&|;|;;|;&|;;&)$|^\s*(?:for|case|select)\s+\S+\s+in$/;

/** The entries bash's history gets from text typed or pasted over several lines: one for each
 * command complete at the end of a line, in the form historyLine gives it. */
export function historyEntries(text: string, incomplete: (text: string) => boolean): string[] {
  const entries: string[] = [];
  let pending: string[] = [];
  for (const line of text.split('\n')) {
    pending.push(line);
    const command = pending.join('\n');
    if (incomplete(command)) continue;
    if (command.trim()) entries.push(historyLine(command) + (heredocDelimiters(pending[0]).length ? '\n' : ''));
    pending = [];
  }
  if (pending.length && pending.join('\n').trim()) entries.push(historyLine(pending.join('\n')));
  return entries;
}

/** A command typed over several lines as bash's history keeps it (cmdhist): one line, its lines
 * joined by `; ` or, after a word that wants more (`do`, `then`, `{`, `|` …), by a space; a newline
 * inside quotes or a here-document stays a newline. */
export function historyLine(text: string): string {
  const lines = text.split('\n');
  let out = lines[0];
  let quote: string | undefined = openQuote(lines[0], undefined);
  let heredoc = heredocDelimiters(lines[0]);
  for (const line of lines.slice(1)) {
    if (quote || heredoc.length) {
      out += `\n${line}`;
      if (heredoc.length && line.replace(/^\t+/, '') === heredoc[0]) heredoc = heredoc.slice(1);
      else if (!heredoc.length) quote = openQuote(line, quote);
      continue;
    }
    const previous = out.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    out = `${previous}${JOINS_WITH_SPACE.test(previous) || previous === '' ? ' ' : '; '}${line}`;
    quote = openQuote(line, undefined);
    heredoc = heredocDelimiters(line);
  }
  return out;
}

/** The quote still open at the end of a line, given the one open at its start. */
function openQuote(line: string, open: string | undefined): string | undefined {
  let quote = open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
  }
  return quote;
}

/** The delimiters of the here-documents a line begins. */
function heredocDelimiters(line: string): string[] {
  return [...line.matchAll(/<<-?\s*(['"]?)([^\s'"<>|&;()]+)\1/g)].map((m) => m[2]);
}

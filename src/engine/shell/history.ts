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

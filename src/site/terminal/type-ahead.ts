// What keys typed while the terminal loads will make of the prompt, shown by the dock under its
// placeholder as they are typed (this module loads with the first key or click): the lines entered (they run, in order, once the terminal is in), and the line
// being typed with its cursor. Editing keys act as in the line editor (line-edits.ts); Tab's
// completion needs the engine, so it shows once the terminal runs; ↑/↓ walk the history the
// dock passes in and the lines entered since, as the editor will.
import { codePointStops, editLine, type EditedLine } from './line-edits.ts';
import { readJson } from '../storage.ts';

const isHistory = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export interface TypeAhead extends EditedLine {
  /** Lines entered, as they will run (an interrupted one ends in ^C). */
  entered: string[];
}

export function typeAhead(typed: readonly string[], history: readonly string[]): TypeAhead {
  const entered: string[] = [];
  let walk = [...history];
  let index = walk.length;
  let state: EditedLine = { line: '', cursor: 0 };
  const end = (suffix: string) => {
    entered.push(state.line + suffix);
    if (!suffix && state.line.trim()) walk = [...walk.filter((h) => h !== state.line), state.line];
    index = walk.length;
    state = { line: '', cursor: 0 };
  };
  const key = (data: string) => {
    const edited = editLine(state, data, codePointStops);
    if (edited) state = edited;
    else if (data === '\r') end('');
    else if (data === '\x03') end('^C');
    else if (data === '\x0c') entered.length = 0;
    else if (data === '\x1b[A' && index > 0) state = { line: walk[--index], cursor: walk[index].length };
    else if (data === '\x1b[B' && index < walk.length) {
      const line = walk[++index] ?? '';
      state = { line, cursor: line.length };
    }
  };
  for (const data of typed) {
    // A paste of several lines enters them one after the other, as in the editor.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) {
      const lines = data.split(/\r\n|\r|\n/);
      lines.forEach((line, i) => {
        key(line);
        if (i < lines.length - 1) key('\r');
      });
    } else key(data);
  }
  return { entered, ...state };
}

/**
 * Shows the preview after the placeholder, the cursor as a block on the character it stands
 * before; ↑ walks the history the terminal keeps for the lab (its key); nothing once xterm has the screen.
 */
export function showTypeAhead(placeholder: Element, typed: readonly string[], lab: string): void {
  if (!placeholder.isConnected) return;
  const history = readJson(`history:${lab}`, isHistory, 'terminal history') ?? [];
  let shown = placeholder.nextElementSibling;
  if (!shown?.matches('.lab-terminal__typed')) {
    shown = Object.assign(document.createElement('pre'), { className: 'lab-terminal__typed' });
    placeholder.after(shown);
  }
  const { entered, line, cursor } = typeAhead(typed, history);
  const at = [...line.slice(cursor)][0] ?? ' ';
  const caret = Object.assign(document.createElement('span'), { className: 'lab-terminal__caret', textContent: at });
  shown.replaceChildren(...entered.map((l) => `$ ${l}\n`), `$ ${line.slice(0, cursor)}`, caret, line.slice(cursor + at.length));
}

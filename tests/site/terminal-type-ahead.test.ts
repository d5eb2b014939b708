// What the dock shows for keys typed while the terminal loads is what the line editor will make of
// them: each case's keys, then a marker at the cursor and Enter, go through the preview and through
// a LineEditor, and the lines each runs (the marker shows where the cursor was) must be the same.
import { describe, expect, it } from 'vitest';
import { LineEditor } from '../../src/site/terminal/line-editor.ts';
import { typeAhead } from '../../src/site/terminal/type-ahead.ts';

/** The lines a line editor runs for the keys, on a screen that draws nothing. */
async function ranByEditor(keys: string[], history: string[]): Promise<string[]> {
  const ran: string[] = [];
  const editor = new LineEditor(
    { write: (_text, parsed) => parsed?.(), submit: async (line) => void ran.push(line), complete: async (_line, cursor) => ({ start: cursor, candidates: [] }), prompt: () => '$ ', columns: () => 80, column: () => 0 },
    [...history],
    () => undefined,
  );
  for (const key of keys) await editor.handle(key);
  return ran;
}

const CASES: Array<[string, string[], string[]]> = [
  ['Ctrl-U then a new line and Ctrl-A', [...'rm -rf oops', '\x15', ...'echo x', '\x01'], []],
  ['Enter between lines, Backspace and ←', [...'echo one', '\r', ...'echo twoo', '\x7f', '\x1b[D'], []],
  ['Ctrl-W, ←, Ctrl-K and Ctrl-E', [...'echo a b c', '\x17', '\x1b[D', '\x1b[D', '\x0b', '\x05'], []],
  ['a paste of two lines and more typed', ['echo p\necho q', ...' r'], []],
  ['↑ walks the saved history and the lines entered since', [...'echo new', '\r', '\x1b[A', '\x1b[A', '\x1b[B'], ['echo old']],
  ['Ctrl-C leaves a line and Delete edits the next', [...'echo gone', '\x03', ...'lsx', '\x1b[D', '\x1b[3~'], []],
];

describe('the preview of keys typed while the terminal loads', () => {
  it.each(CASES)('%s: the lines it shows, and where its cursor is, are the editor\'s', async (_, keys, history) => {
    const withMarker = [...keys, '|', '\r'];
    const shown = typeAhead(withMarker, history);
    expect(shown.entered.filter((l) => !l.endsWith('^C'))).toEqual(await ranByEditor(withMarker, history));
  });

  it('shows an interrupted line with ^C, as the terminal will', () => {
    expect(typeAhead([...'echo gone', '\x03'], []).entered).toEqual(['echo gone^C']);
  });
});

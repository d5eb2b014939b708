// The line editor's output fed into a headless xterm of 40 and of 120 columns: after every kind of
// edit on input longer than a row, the screen holds exactly one prompt line, the input is intact
// across its rows (read back from the cells xterm drew), nothing stale is left below it, and the
// cursor is on the cell of the character it stands before.
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { useCellWidths } from '../../src/site/terminal/cell-width.ts';
import { LineEditor } from '../../src/site/terminal/line-editor.ts';
import { isIncomplete } from '../../src/engine/shell/parser.ts';

const PROMPT = '[aro2 default]$ ';
const CURL = `curl -s "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/printenv" | jq -r '.SQL_SERVER_FQDN'`;
/** Longer than two rows of 120 columns and than six of 40. */
const LONG = `${CURL} && az network lb show -g aro-infra-p8bjm-aro2 -n aro2-p8bjm --query "frontendIPConfigurations[].name" -o tsv && oc get route -n project1 sqlapilb -o jsonpath="{.spec.host}"`;
const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', home: '\x1b[H', end: '\x1b[F', del: '\x1b[3~', backspace: '\x7f', ctrlA: '\x01', ctrlE: '\x05', ctrlU: '\x15', ctrlK: '\x0b', ctrlW: '\x17', ctrlC: '\x03', ctrlL: '\x0c', tab: '\t', enter: '\r' };
const WIDTHS = [40, 120];

interface Lab {
  term: Terminal;
  editor: LineEditor;
  submitted: string[];
  /** Feeds keys one call at a time, as xterm's onData does, and waits until the screen shows them. */
  keys(...data: string[]): Promise<void>;
  settle(): Promise<void>;
}

function lab(columns: number, options: { parsesAtOnce?: boolean; running?: Promise<void>; prompt?: string; history?: string[]; candidates?: (line: string, cursor: number) => { start: number; candidates: string[] }; output?: (line: string) => string } = {}): Lab {
  const term = new Terminal({ cols: columns, rows: 24, scrollback: 500, allowProposedApi: true, convertEol: true });
  useCellWidths(term);
  const submitted: string[] = [];
  const editor: LineEditor = new LineEditor(
    {
      write(text, parsed) {
        term.write(text);
        // xterm parses the first write after a key at once, calling back before write returns.
        if (options.parsesAtOnce) parsed?.();
        else term.write('', parsed);
      },
      prompt: () => options.prompt ?? PROMPT,
      columns: () => term.cols,
      column: () => term.buffer.active.cursorX,
      async submit(line) {
        submitted.push(line);
        // A command's output may come in pieces, while the reader clicks "Run in terminal".
        if (options.running && submitted.length === 1) await options.running;
        term.write(options.output?.(line) ?? `ran ${line.length} characters\r\n`);
      },
      complete: async (line, cursor) => options.candidates?.(line, cursor) ?? { start: cursor, candidates: [] },
    },
    options.history ?? [],
    () => undefined,
  );
  term.onResize(() => void editor.resize());
  void editor.showPrompt();
  // Everything the editor asked for is drawn, and everything written before it parsed.
  const settle = async () => {
    await editor.whenDrawn();
    await new Promise<void>((resolve) => term.write('', resolve));
  };
  return {
    term,
    editor,
    submitted,
    settle,
    async keys(...data) {
      for (const d of data) await editor.handle(d);
      await settle();
    },
  };
}

const typed = (text: string) => [...text];

/** Every row of the buffer, scrollback included, as the characters xterm put in its cells. */
function rows(term: Terminal) {
  const buffer = term.buffer.active;
  const out: { text: string; wrapped: boolean }[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y)!;
    let text = '';
    // A cell never written (the one a two-cell character leaves at a row's end) holds ''.
    for (let x = 0; x < term.cols; x++) text += line.getCell(x)!.getChars();
    out.push({ text, wrapped: line.isWrapped });
  }
  return out;
}

const promptRows = (term: Terminal, prompt = PROMPT) => rows(term).flatMap((r, y) => (r.text.startsWith(prompt) ? [y] : []));

/** The logical line starting at a row: it and the rows xterm wrapped onto it. */
function logicalLine(term: Terminal, start: number): { text: string; last: number } {
  const all = rows(term);
  let text = all[start].text;
  let last = start;
  while (all[last + 1]?.wrapped) text += all[++last].text;
  return { text, last };
}

/** The cell xterm drew the `index`th code unit of the logical line at `start` in (or the cell after its end). */
function cellOf(term: Terminal, start: number, index: number): { row: number; col: number } {
  const buffer = term.buffer.active;
  let consumed = 0;
  let after = { row: start, col: 0 };
  for (let y = start; y === start || buffer.getLine(y)?.isWrapped; y++) {
    const line = buffer.getLine(y)!;
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x)!;
      const chars = cell.getChars();
      if (!chars) continue;
      if (consumed === index) return { row: y, col: x };
      consumed += chars.length;
      after = x + cell.getWidth() >= term.cols ? { row: y + 1, col: 0 } : { row: y, col: x + cell.getWidth() };
    }
  }
  return after;
}

function cursor(term: Terminal) {
  const buffer = term.buffer.active;
  return { row: buffer.baseY + buffer.cursorY, col: buffer.cursorX };
}

/** The screen shows one prompt line holding `line`, nothing under it, the cursor before `at`. */
function expectInput(term: Terminal, line: string, at: number, prompt = PROMPT, promptsAbove = 0) {
  const prompts = promptRows(term, prompt);
  expect(prompts).toHaveLength(promptsAbove + 1);
  const start = prompts[prompts.length - 1];
  const { text, last } = logicalLine(term, start);
  expect(text).toBe(prompt + line);
  expect(rows(term).slice(last + 1).filter((r) => r.text !== '')).toEqual([]);
  expect(cursor(term)).toEqual(cellOf(term, start, prompt.length + at));
}

describe.each(WIDTHS)('a long line on a terminal of %i columns', (columns) => {
  it('typed one key at a time shows one prompt line, the input intact, the cursor after it', async () => {
    const { term, keys } = lab(columns);
    await keys(...typed(LONG));
    expect(LONG.length + PROMPT.length).toBeGreaterThan(2 * columns);
    expectInput(term, LONG, LONG.length);
  });

  it('recalled, then Home and a word inserted, keeps one prompt line and the cursor after the word', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    await keys(KEY.up, KEY.home, ...typed('time '));
    expectInput(term, `time ${LONG}`, 5);
    await keys(KEY.end);
    expectInput(term, `time ${LONG}`, LONG.length + 5);
  });

  it('inserting in the middle pushes the rest of the input across the row boundary', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    const at = columns - PROMPT.length - 3;
    await keys(KEY.up, KEY.home, ...Array(at).fill(KEY.right), ...typed('INSERTED'));
    expectInput(term, LONG.slice(0, at) + 'INSERTED' + LONG.slice(at), at + 8);
  });

  it('Backspace and Delete across the row boundary close the gap on every row', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    const at = columns - PROMPT.length + 2;
    await keys(KEY.up, KEY.home, ...Array(at).fill(KEY.right), ...Array(5).fill(KEY.backspace));
    const afterBackspace = LONG.slice(0, at - 5) + LONG.slice(at);
    expectInput(term, afterBackspace, at - 5);
    await keys(...Array(4).fill(KEY.del));
    expectInput(term, afterBackspace.slice(0, at - 5) + afterBackspace.slice(at - 1), at - 5);
  });

  it('Left and Right move the cursor up and down a row at the boundary', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    const lastOfRow = columns - PROMPT.length - 1;
    await keys(KEY.up, KEY.home, ...Array(lastOfRow).fill(KEY.right));
    expectInput(term, LONG, lastOfRow);
    expect(cursor(term).col).toBe(columns - 1);
    await keys(KEY.right);
    expectInput(term, LONG, lastOfRow + 1);
    expect(cursor(term).col).toBe(0);
    await keys(KEY.left, KEY.left);
    expectInput(term, LONG, lastOfRow - 1);
  });

  it('Ctrl-A and Ctrl-E go to the start and the end of all the rows', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    await keys(KEY.up, KEY.ctrlA);
    expectInput(term, LONG, 0);
    await keys(KEY.ctrlE);
    expectInput(term, LONG, LONG.length);
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W cut the input and leave no row of it behind', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    const at = LONG.indexOf(' && ');
    await keys(KEY.up, KEY.home, ...Array(at).fill(KEY.right), KEY.ctrlK);
    expectInput(term, LONG.slice(0, at), at);
    await keys(KEY.ctrlW);
    const cut = LONG.slice(0, at).replace(/\S+\s*$/, '');
    expectInput(term, cut, cut.length);
    await keys(KEY.left, KEY.left, KEY.ctrlU);
    expectInput(term, cut.slice(-2), 0);
  });

  it('history replaces a long line by a short one and back without stale rows', async () => {
    const { term, keys } = lab(columns, { history: [LONG, 'oc whoami'] });
    await keys(KEY.up, KEY.up);
    expectInput(term, LONG, LONG.length);
    await keys(KEY.down);
    expectInput(term, 'oc whoami', 9);
    await keys(KEY.up);
    expectInput(term, LONG, LONG.length);
    await keys(KEY.down, KEY.down);
    expectInput(term, '', 0);
  });

  it('Tab completes a word in the middle of a long line in place', async () => {
    const line = `${LONG} && kubectl get po`;
    const { term, keys } = lab(columns, { history: [line], candidates: (l, c) => ({ start: l.lastIndexOf(' ', c - 1) + 1, candidates: ['pods'] }) });
    await keys(KEY.up, KEY.tab);
    expectInput(term, `${LONG} && kubectl get pods `, line.length + 3);
  });

  it('Tab with several candidates lists them under the whole input and draws the input again after them', async () => {
    const line = `${LONG} && kubectl get s`;
    const candidates = ['secrets', 'serviceaccounts', 'services', 'statefulsets', 'storageclasses'];
    const { term, keys } = lab(columns, { history: [line], candidates: (l, c) => ({ start: c - 1, candidates }) });
    await keys(KEY.up, KEY.home, KEY.end, KEY.tab);
    const [first] = promptRows(term);
    expect(logicalLine(term, first).text).toBe(PROMPT + line);
    expect(logicalLine(term, logicalLine(term, first).last + 1).text).toBe(candidates.join('  '));
    expectInput(term, line, line.length, PROMPT, 1);
  });

  it('Ctrl-C in the middle prints ^C after the whole input and a fresh prompt under it', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    await keys(KEY.up, KEY.home, KEY.right, KEY.ctrlC);
    const [first] = promptRows(term);
    expect(logicalLine(term, first).text).toBe(`${PROMPT}${LONG}^C`);
    expectInput(term, '', 0, PROMPT, 1);
  });

  it('Ctrl-L clears the screen and draws the whole input at the top', async () => {
    const { term, keys } = lab(columns);
    await keys(...typed('oc whoami'), KEY.enter, ...typed(LONG), KEY.home, KEY.ctrlL);
    expect(promptRows(term)).toEqual([0]);
    expectInput(term, LONG, 0);
  });

  it('a long single-line paste into a long line is inserted where the cursor is', async () => {
    const { term, keys } = lab(columns, { history: [LONG] });
    await keys(KEY.up, ...Array(5).fill(KEY.left), CURL);
    const at = LONG.length - 5;
    expectInput(term, LONG.slice(0, at) + CURL + LONG.slice(at), at + CURL.length);
  });

  it('a paste of several lines at the start of a long line runs each, and their output follows the whole input', async () => {
    const { term, keys, submitted } = lab(columns, { history: [LONG] });
    await keys(KEY.up, KEY.home, `time \n${CURL}\n`);
    expect(submitted).toEqual([`time ${LONG}`, CURL]);
    const [first, second] = promptRows(term);
    const { text, last } = logicalLine(term, first);
    expect(text).toBe(`${PROMPT}time ${LONG}`);
    expect(rows(term)[last + 1].text).toBe(`ran ${LONG.length + 5} characters`);
    expect(logicalLine(term, second).text).toBe(PROMPT + CURL);
    expectInput(term, '', 0, PROMPT, 2);
  });

  it('Enter with the cursor on the first row writes the output under the last row', async () => {
    const { term, keys, submitted } = lab(columns, { history: [LONG] });
    await keys(KEY.up, KEY.home, KEY.enter);
    expect(submitted).toEqual([LONG]);
    const [first] = promptRows(term);
    const { text, last } = logicalLine(term, first);
    expect(text).toBe(PROMPT + LONG);
    expect(rows(term)[last + 1].text).toBe(`ran ${LONG.length} characters`);
  });
});

describe('a line typed for "Run in terminal" while a command runs', () => {
  it.each(WIDTHS)('at %i columns waits for the prompt after the command, then is drawn once and runs', async (columns) => {
    let finish!: () => void;
    const { term, editor, keys, settle, submitted } = lab(columns, { running: new Promise((resolve) => (finish = resolve)) });
    await keys(...typed('oc whoami'));
    const first = editor.handle(KEY.enter);
    const run = editor.type(LONG);
    await settle();
    expect(submitted).toEqual(['oc whoami']);
    expect(rows(term).filter((r) => r.text !== '').map((r) => r.text)).toEqual([`${PROMPT}oc whoami`]);
    finish();
    await Promise.all([first, run]);
    await settle();
    expect(submitted).toEqual(['oc whoami', LONG]);
    const [, second] = promptRows(term);
    const { text, last } = logicalLine(term, second);
    expect(text).toBe(PROMPT + LONG);
    expect(rows(term)[last + 1].text).toBe(`ran ${LONG.length} characters`);
    expectInput(term, '', 0, PROMPT, 2);
  });
});

describe('a terminal that parses each write at once', () => {
  it.each(WIDTHS)('at %i columns still gets every edit drawn, one after the other', async (columns) => {
    const { term, keys } = lab(columns, { parsesAtOnce: true, history: [LONG] });
    await keys(KEY.up, KEY.home, ...typed('time '), KEY.end, KEY.backspace);
    expectInput(term, `time ${LONG.slice(0, -1)}`, LONG.length + 4);
  });
});

describe('a line that fills its last row exactly', () => {
  it.each(WIDTHS)('at %i columns the cursor waits at the start of the next row, and Enter leaves no blank row', async (columns) => {
    const line = 'x'.repeat(2 * columns - PROMPT.length);
    const { term, keys } = lab(columns);
    await keys(line);
    expectInput(term, line, line.length);
    expect(cursor(term)).toEqual({ row: 2, col: 0 });
    await keys(KEY.enter);
    expect(rows(term)[2].text).toBe(`ran ${line.length} characters`);
  });
});

describe('a terminal that changes width', () => {
  const cases = [
    [120, 40],
    [40, 120],
    [120, 70],
  ] as const;
  it.each(cases)('from %i to %i columns, with the cursor inside the input, draws it once for the new width', async (from, to) => {
    const { term, keys, settle } = lab(from, { history: [LONG] });
    await keys(KEY.up, KEY.home, ...Array(150).fill(KEY.right));
    term.resize(to, 24);
    await settle();
    expectInput(term, LONG, 150);
    await keys(...typed('X'));
    expectInput(term, `${LONG.slice(0, 150)}X${LONG.slice(150)}`, 151);
  });

  it.each(cases)('from %i to %i columns before the terminal has parsed the edits, lays them out for the new width', async (from, to) => {
    // xterm parses writes later; a window resized in between must not get rows laid out for the old width.
    const { term, editor, settle } = lab(from, { history: [LONG] });
    await settle();
    await editor.handle(KEY.up);
    await editor.handle(KEY.home);
    term.resize(to, 24);
    await editor.handle('X');
    term.resize(from, 24);
    term.resize(to, 24);
    await settle();
    expectInput(term, `X${LONG}`, 1);
  });

  it.each(cases)('from %i to %i columns and back, with the cursor at the end, keeps one prompt line', async (from, to) => {
    const { term, keys, settle } = lab(from);
    await keys(...typed(LONG));
    term.resize(to, 24);
    await settle();
    term.resize(from, 24);
    await settle();
    expectInput(term, LONG, LONG.length);
  });
});

describe('characters two cells wide', () => {
  // 20 ideographs and emoji between ASCII, so some of them meet a row's last cell.
  const WIDE = `echo ${'漢字😀'.repeat(7)} a${'字'.repeat(30)} é done`;
  it.each(WIDTHS)('at %i columns wrap where xterm wraps them, and the cursor walks over them cell by cell', async (columns) => {
    const { term, keys } = lab(columns);
    await keys(...typed(WIDE));
    expectInput(term, WIDE, WIDE.length);
    const stops: number[] = [];
    for (let i = WIDE.length; i > 0; ) {
      await keys(KEY.left);
      // One step back is one character: two code units for an emoji, one for the rest.
      i -= [...WIDE.slice(0, i)].pop()!.length;
      stops.push(i);
      expectInput(term, WIDE, i);
    }
    expect(stops.at(-1)).toBe(0);
    await keys(...typed('字'));
    expectInput(term, `字${WIDE}`, 1);
  });

  it.each(WIDTHS)('in the prompt count two cells each at %i columns', async (columns) => {
    const prompt = '[ラボ 既定]$ ';
    const { term, keys } = lab(columns, { prompt });
    await keys(...typed(LONG), KEY.home, KEY.right);
    expectInput(term, LONG, 1, prompt);
  });

  it('a combining accent moves with its letter: one step over both, and Backspace removes both', async () => {
    const { term, keys } = lab(40);
    const line = `${'y'.repeat(30)}e\u0301z`;
    await keys(line, KEY.left, KEY.left);
    expectInput(term, line, 30);
    await keys(KEY.right, KEY.backspace);
    expectInput(term, `${'y'.repeat(30)}z`, 30);
  });
});

describe('output that does not end in a newline', () => {
  // As zsh and fish do: the prompt starts on a row of its own, so the output before it stays.
  it.each(WIDTHS)('at %i columns stays on screen, and the next prompt starts on the row under it', async (columns) => {
    const { term, keys } = lab(columns, { output: (line) => line.replace(/^echo -n /, '') });
    await keys(...typed('echo -n abc'), KEY.enter);
    const all = rows(term).map((r) => r.text);
    const [first, second] = promptRows(term);
    expect(all[first]).toBe(`${PROMPT}echo -n abc`);
    expect(all[first + 1]).toBe('abc');
    expect(second).toBe(first + 2);
    expectInput(term, '', 0, PROMPT, 1);
  });

  it.each(WIDTHS)('at %i columns, when it fills its last row exactly, the prompt starts on the next row and no blank row comes between', async (columns) => {
    const full = 'x'.repeat(columns);
    const { term, keys } = lab(columns, { output: () => full });
    await keys(...typed('printf'), KEY.enter);
    const [first, second] = promptRows(term);
    expect(rows(term)[first + 1].text).toBe(full);
    expect(second).toBe(first + 2);
    expectInput(term, '', 0, PROMPT, 1);
  });

  it.each(WIDTHS)('at %i columns, output that ends in a newline is followed by the prompt on the very next row', async (columns) => {
    const { term, keys } = lab(columns);
    await keys(...typed('oc whoami'), KEY.enter);
    const [first, second] = promptRows(term);
    expect(rows(term)[first + 1].text).toBe('ran 9 characters');
    expect(second).toBe(first + 2);
  });

  it('Ctrl-L after it still draws the prompt on the top row', async () => {
    const { term, keys } = lab(40, { output: () => 'abc' });
    await keys(...typed('printf abc'), KEY.enter, ...typed('oc'), KEY.ctrlL);
    expect(promptRows(term)).toEqual([0]);
    expectInput(term, 'oc', 2);
  });
});

describe('the history', () => {
  it('keeps the commands typed for the reader and leaves out the lines typed as notes', async () => {
    const { editor, settle, submitted } = lab(120);
    await editor.type('# a note from the terminal', false);
    await editor.type('oc whoami');
    await settle();
    expect(submitted).toEqual(['# a note from the terminal', 'oc whoami']);
    expect(editor.historyLines()).toEqual(['oc whoami']);
  });
});

describe('a command typed over several lines', () => {
  it('asks for the next line after "> " while the shell says the command is open, then runs all of it as one', async () => {
    const submitted: string[] = [];
    const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true, convertEol: true });
    const editor = new LineEditor(
      {
        write: (text, parsed) => term.write(text, parsed),
        prompt: () => PROMPT,
        columns: () => term.cols,
        column: () => term.buffer.active.cursorX,
        incomplete: (text) => isIncomplete(text),
        async submit(line) {
          submitted.push(line);
        },
        complete: async (_line, cursor) => ({ start: cursor, candidates: [] }),
      },
      [],
      () => undefined,
    );
    await editor.showPrompt();
    await editor.type('for x in a b; do');
    await editor.type('echo $x');
    await editor.whenDrawn();
    expect(submitted).toEqual([]);
    await editor.type('done');
    await editor.whenDrawn();
    await new Promise<void>((resolve) => term.write('', resolve));
    expect(submitted).toEqual(['for x in a b; do\necho $x\ndone']);
    const screen = [...Array(term.buffer.active.length).keys()].map((y) => term.buffer.active.getLine(y)!.translateToString(true));
    expect(screen.filter((row) => row.startsWith('> '))).toEqual(['> echo $x', '> done']);
    expect(editor.historyLines()).toEqual(['for x in a b; do echo $x; done']);
  });
});

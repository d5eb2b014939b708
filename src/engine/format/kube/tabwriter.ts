// Go's text/tabwriter as kubectl configures it (cli-runtime printers.GetNewTabWriter: minwidth 6,
// tabwidth 4, padding 3, padchar ' '). Cells are tab-terminated; the text after a line's last tab is
// not a cell of any column and is written as is, which is why tables never end in spaces.
//
// Column widths are computed per "column block": a run of consecutive lines that all have a
// terminated cell in that column. kubectl tables have the same number of cells on every line, so a
// whole table is one block and every column is max(minwidth, widest cell + padding) wide.

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const KUBECTL_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };

/** Width of a cell as tabwriter counts it: UTF-8 runes, not bytes. */
function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

interface Cell {
  text: string;
  width: number;
}

/** Aligns `text` (lines of tab-separated cells) the way tabwriter.Flush would. */
export function tabwrite(text: string, options: TabwriterOptions = KUBECTL_TABWRITER): string {
  if (text === '') return '';
  const rawLines = text.split('\n');
  // A trailing newline leaves an empty last piece: that is not a line.
  const endsWithNewline = rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((line) => line.split('\t').map((t) => ({ text: t, width: runeCount(t) })));

  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - c.width));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A block in this column starts here: lines before it are finished.
      writeLines(line0, current);
      line0 = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        const w = line[column].width + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Rows of cells to aligned text, one line per row, every line ending in a newline. */
export function tabwriteRows(rows: string[][], options: TabwriterOptions = KUBECTL_TABWRITER): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', options);
}

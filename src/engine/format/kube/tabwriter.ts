// The tabwriter kubectl prints tables with: github.com/liggitt/tabwriter (Go's text/tabwriter
// plus RememberWidths) as cli-runtime's printers.GetNewTabWriter configures it: minwidth 6,
// tabwidth 4, padding 3, padchar ' ', RememberWidths. Cells end at a tab or a vertical tab; the
// text after a line's last one is not a cell of any column and is written as is, which is why
// tables never end in spaces.
//
// Column widths are computed per "column block": a run of consecutive lines that all have a
// terminated cell in that column. The writer flushes after a line of one cell and at a form feed
// (written as a newline); a flush ends every block, and RememberWidths keeps each column at least
// as wide as it was before the flush. kubectl tables have the same number of cells on every line,
// so a table is one block unless a value brings a form feed, a vertical tab or, in custom columns,
// a newline.

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

/** Aligns `text` (lines of tab-separated cells) the way writing it to the tabwriter and Flush would. */
export function tabwrite(text: string, options: TabwriterOptions = KUBECTL_TABWRITER): string {
  let out = '';
  // RememberWidths: the widest each column has been in any flush so far.
  const remembered: number[] = [];
  let lines: Cell[][] = [[]];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        out += line[j].text;
        if (j < widths.length) out += ' '.repeat(widths[j] - line[j].width);
      }
      // Every buffered line but the last was ended by a newline or a form feed.
      if (i + 1 < lines.length) out += '\n';
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
        width = Math.max(width, line[column].width + options.padding);
      }
      if (remembered.length < column) remembered.push(...widths.slice(remembered.length));
      if (remembered.length === column) remembered.push(width);
      else if (remembered[column] > width) width = remembered[column];
      else remembered[column] = width;
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  const flush = (): void => {
    format(0, lines.length);
    lines = [[]];
  };

  let cellStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
    const line = lines[lines.length - 1];
    const cellText = text.slice(cellStart, i);
    line.push({ text: cellText, width: runeCount(cellText) });
    cellStart = i + 1;
    if (ch === '\n' || ch === '\f') {
      lines.push([]);
      if (ch === '\f' || line.length === 1) flush();
    }
  }
  // Flush: unfinished text is the last line's last cell.
  const rest = text.slice(cellStart);
  if (rest) lines[lines.length - 1].push({ text: rest, width: runeCount(rest) });
  flush();
  return out;
}

/** Rows of cells to aligned text, one line per row, every line ending in a newline. */
export function tabwriteRows(rows: string[][], options: TabwriterOptions = KUBECTL_TABWRITER): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', options);
}

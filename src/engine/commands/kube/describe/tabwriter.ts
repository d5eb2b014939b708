// Go's text/tabwriter as kubectl's and oc's describers configure it (no RememberWidths, unlike the
// printers' liggitt/tabwriter): kubectl's tabbedString is Init(buf, 0, 8, 2, ' ', 0), oc's
// Init(buf, 0, 8, 1, '\t', 0). A cell ends at a tab; the text after a line's last tab is not a cell
// of any column. A line of one cell flushes the writer, so each run of lines with tabs is aligned
// on its own; a column's width is that of its widest cell plus the padding, within a block of
// consecutive lines that have that column. With tab padding the width is rounded up to a multiple
// of the tab width and written as tabs.

export interface GoTabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: ' ' | '\t';
}

export const KUBECTL_DESCRIBE: GoTabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' };
export const OC_DESCRIBE: GoTabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' };

interface Cell {
  text: string;
  width: number;
}

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Writes `text` through a fresh writer and flushes it. */
export function goTabwrite(text: string, o: GoTabwriterOptions = KUBECTL_DESCRIBE): string {
  let out = '';
  let lines: Cell[][] = [[]];
  const widths: number[] = [];

  const padding = (textw: number, cellw0: number): string => {
    if (o.padchar === '\t') {
      const cellw = Math.ceil(cellw0 / o.tabwidth) * o.tabwidth;
      return '\t'.repeat(Math.ceil((cellw - textw) / o.tabwidth));
    }
    return ' '.repeat(cellw0 - textw);
  };

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        out += line[j].text;
        if (j < widths.length) out += padding(line[j].width, widths[j]);
      }
      if (i + 1 < lines.length) out += '\n';
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = o.minwidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + o.padding);
      }
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
    if (ch !== '\t' && ch !== '\n') continue;
    const line = lines[lines.length - 1];
    const cellText = text.slice(cellStart, i);
    line.push({ text: cellText, width: runeCount(cellText) });
    cellStart = i + 1;
    if (ch === '\n') {
      lines.push([]);
      if (line.length === 1) flush();
    }
  }
  const rest = text.slice(cellStart);
  if (rest) lines[lines.length - 1].push({ text: rest, width: runeCount(rest) });
  flush();
  return out;
}

/** kubectl's PrefixWriter over a tabwriter: levels indent by two spaces, control characters are
 * made visible (printers.WriteEscaped), and flush() aligns what was written so far on its own. */
export class PrefixWriter {
  private pending = '';
  private done = '';
  private readonly options: GoTabwriterOptions;
  constructor(options: GoTabwriterOptions = KUBECTL_DESCRIBE) {
    this.options = options;
  }

  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text);
  }

  /** fmt.Sprintln of one value. */
  writeLine(text: string): void {
    this.pending += escapeTerminal(text + '\n');
  }

  flush(): void {
    this.done += goTabwrite(this.pending, this.options);
    this.pending = '';
  }

  text(): string {
    this.flush();
    return this.done;
  }
}

/** cli-runtime's EscapeTerminal: ESC and CR shown as ^[ and \r. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

// Where the prompt line's characters land on a terminal of a given width, as xterm lays them out:
// a row holds `columns` cells, a character that does not fit in what is left of a row starts the
// next one (a two-cell character leaves the last cell of a row empty), and a character that fills
// the last cell leaves the cursor waiting on that row until the next one is written.
import { codePointWidth } from './cell-width.ts';

/** A cell relative to the first cell of the prompt; `col` may equal the width while a wrap waits. */
export interface Cell {
  row: number;
  col: number;
}

/** Where writing `text` from `from` leaves the cursor. */
export function advance(text: string, columns: number, from: Cell = { row: 0, col: 0 }): Cell {
  let { row, col } = from;
  for (const ch of text) {
    const width = codePointWidth(ch.codePointAt(0)!);
    if (width === 0) continue;
    if (col + width > columns) {
      row += 1;
      col = 0;
    }
    col += width;
  }
  return { row, col };
}

/** The cell the character after `before` is drawn in (`next` is that character, '' at the end). */
export function cellBefore(before: string, next: string, columns: number): Cell {
  const at = advance(before, columns);
  const width = next ? codePointWidth(next.codePointAt(0)!) : 1;
  return at.col + Math.max(width, 1) > columns ? { row: at.row + 1, col: 0 } : at;
}

/** Code unit index of the next place the cursor may stop: past one character and its marks. */
export function nextStop(line: string, index: number): number {
  if (index >= line.length) return line.length;
  let i = index + String.fromCodePoint(line.codePointAt(index)!).length;
  while (i < line.length && codePointWidth(line.codePointAt(i)!) === 0) i += String.fromCodePoint(line.codePointAt(i)!).length;
  return i;
}

/** Code unit index of the previous place the cursor may stop. */
export function previousStop(line: string, index: number): number {
  let stop = 0;
  for (let i = 0; i < index; i = nextStop(line, i)) stop = i;
  return stop;
}

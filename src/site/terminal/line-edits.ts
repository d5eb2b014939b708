// What the keys that only edit the line (no history, completion, running or screen clearing) do
// to it, as bash's readline does. The line editor and the dock's preview of keys typed while the
// terminal loads share it, so the preview shows what the prompt will show. Where the cursor may
// stop is given: the editor stops past a character and its combining marks (input-layout.ts, with
// xterm's width table), the dock at code points, since the table is too large to load before use.

export interface EditedLine {
  line: string;
  cursor: number;
}

/** The cursor's stops: the next and the previous one from a code unit index. */
export interface CursorStops {
  next(line: string, index: number): number;
  previous(line: string, index: number): number;
}

/** Characters a key or a paste may insert: controls dropped, a tab as one space. */
export const insertable = (text: string) => text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '');

/** Stops at code points. */
export const codePointStops: CursorStops = {
  next: (line, index) => Math.min(line.length, index + (line.codePointAt(index)! > 0xffff ? 2 : 1)),
  previous: (line, index) => Math.max(0, index - (index > 1 && /[\udc00-\udfff]/.test(line[index - 1]) && /[\ud800-\udbff]/.test(line[index - 2]) ? 2 : 1)),
};

/**
 * The line after an editing key's data (as xterm sends it); undefined for data that is not an
 * edit (Enter, Ctrl-C, Ctrl-L, arrows up and down, Tab, other escapes): the editor's to act on.
 */
export function editLine({ line, cursor }: EditedLine, data: string, stops: CursorStops): EditedLine | undefined {
  switch (data) {
    case '\x7f':
    case '\b': {
      if (cursor === 0) return { line, cursor };
      const from = stops.previous(line, cursor);
      return { line: line.slice(0, from) + line.slice(cursor), cursor: from };
    }
    case '\x1b[3~':
      return cursor < line.length ? { line: line.slice(0, cursor) + line.slice(stops.next(line, cursor)), cursor } : { line, cursor };
    case '\x1b[D':
      return { line, cursor: cursor > 0 ? stops.previous(line, cursor) : 0 };
    case '\x1b[C':
      return { line, cursor: cursor < line.length ? stops.next(line, cursor) : cursor };
    case '\x01':
    case '\x1b[H':
    case '\x1b[1~':
    case '\x1bOH':
      return { line, cursor: 0 };
    case '\x05':
    case '\x1b[F':
    case '\x1b[4~':
    case '\x1bOF':
      return { line, cursor: line.length };
    case '\x15':
      return { line: line.slice(cursor), cursor: 0 };
    case '\x0b':
      return { line: line.slice(0, cursor), cursor };
    case '\x17': {
      const before = line.slice(0, cursor).replace(/\S+\s*$/, '');
      return { line: before + line.slice(cursor), cursor: before.length };
    }
    case '\r':
    case '\x03':
    case '\x0c':
    case '\x1b[A':
    case '\x1b[B':
    case '\t':
      return undefined;
    default: {
      if (data.startsWith('\x1b')) return undefined;
      const clean = insertable(data);
      return { line: line.slice(0, cursor) + clean + line.slice(cursor), cursor: cursor + clean.length };
    }
  }
}

// python-tabulate 0.8.9's "simple" format as knack calls it (headers="keys", no number parsing),
// without wcwidth (Debian's az 2.45 has none): widths are counted in code points. What matters for
// values with control characters:
// - a table whose text holds SGR colours or OSC 8 links ("invisible codes") measures its cells
//   without them, and pads each cell by its own length less its visible width;
// - a table whose text holds \r or \n is "multiline": cells are cut into lines for output with
//   Python's str.splitlines (which also breaks at \v, \f, \x1c-\x1e, NEL, U+2028, U+2029) but
//   measured on re.split("[\r\n]"); when invisible codes are present the two lists are zipped, so
//   lines past the shorter one are lost, as they are in az;
// - cells are stripped of Python whitespace, rows of trailing whitespace.
import type { Printer } from './printer.ts';

/** Python's str.isspace characters (strip and rstrip). */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE = new RegExp(`^[${PY_SPACE}]$`);

// strip() and rstrip() a character at a time: a regular expression for trailing space tries every
// space of a long run in the middle of a cell (padding makes such runs), which takes quadratic time.
function rstrip(s: string): string {
  let end = s.length;
  while (end > 0 && SPACE.test(s[end - 1])) end--;
  return s.slice(0, end);
}

function strip(s: string): string {
  let start = 0;
  while (start < s.length && SPACE.test(s[start])) start++;
  return rstrip(s.slice(start));
}

const LINK = /\x1b\]8;[a-zA-Z0-9:]*;[^\x1b]+\x1b\\([^\x1b]+)\x1b\]8;;\x1b\\/g;
const MULTILINE = /[\r\n]/;

// tabulate's invisible codes: /\x1b\[\d+[;\d]*m|\x1b\[\d*;\d*;\d*m|\x1b\]8;;(.*?)\x1b\\/. The SGR parts
// are matched as the same language written without overlapping repeats (`\d[;\d]*`), and the OSC 8
// part with indexOf: found by a regular expression, each unterminated `\x1b]8;;` would scan to the
// end of its line again, which a text of many of them makes quadratic.
const SGR = /\x1b\[\d[;\d]*m|\x1b\[\d*;\d*;\d*m/y;
const LINE_END = /[\n\r\u2028\u2029]/g;

/** Start and end of each invisible code, left to right, as the pattern's global search finds them. */
function* invisibleCodes(s: string): Generator<[number, number]> {
  // The next `\x1b\\` and the next line end (`.` stops there) at or after a point; -2: not looked up yet.
  let terminator = -2;
  let lineEnd = -2;
  for (let at = s.indexOf('\x1b'); at >= 0; ) {
    SGR.lastIndex = at;
    let end = SGR.test(s) ? SGR.lastIndex : -1;
    if (end < 0 && s.startsWith('\x1b]8;;', at)) {
      const from = at + 5;
      if (terminator !== -1 && terminator < from) terminator = s.indexOf('\x1b\\', from);
      if (lineEnd !== -1 && lineEnd < from) {
        LINE_END.lastIndex = from;
        lineEnd = LINE_END.exec(s)?.index ?? -1;
      }
      if (terminator >= 0 && (lineEnd < 0 || terminator < lineEnd)) end = terminator + 2;
    }
    if (end >= 0) yield [at, end];
    at = s.indexOf('\x1b', end >= 0 ? end : at + 1);
  }
}

function removeInvisible(s: string): string {
  let out = '';
  let kept = 0;
  for (const [start, end] of invisibleCodes(s)) {
    out += s.slice(kept, start);
    kept = end;
  }
  return out + s.slice(kept);
}

const length = (s: string) => [...s].length;
const stripInvisible = (s: string) => removeInvisible(s.replace(LINK, '$1'));
const maximum = (values: Iterable<number>, from = -Infinity) => {
  let most = from;
  for (const v of values) if (v > most) most = v;
  return most;
};

/** Python's str.splitlines(): no empty line after a final break. */
function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * `headers` and rows of cells (null for a missing value) as tabulate prints them, lines joined by
 * newlines, each line written to `out` (which stops the table at the lab's bounds); the padding
 * tabulate builds on the way is charged to `out` before it is built.
 */
export function tabulateSimple(headers: string[], rows: Array<Array<string | null>>, out: Printer): void {
  for (const r of rows) for (const c of r) out.scan(c?.length ?? 0);
  const padRight = (width: number, s: string) => {
    const pad = Math.max(0, width - length(s));
    out.scan(s.length + pad);
    return s + ' '.repeat(pad);
  };
  const plain = [headers, ...rows].map((r) => r.map((c) => c ?? '').join('\t')).join('\t');
  const invisible = !invisibleCodes(plain).next().done || new RegExp(LINK.source).test(plain);
  const multiline = MULTILINE.test(plain);
  const lineWidth = invisible ? (s: string) => length(stripInvisible(s)) : length;
  const width = (s: string) => (multiline ? maximum(s.split(/[\r\n]/).map(lineWidth)) : lineWidth(s));

  const columns = headers.map((header, i) => {
    const cells = rows.map((r) => strip(r[i] ?? ''));
    const minwidth = width(header) + 2;
    const widths = cells.map((c) => (multiline ? c.split(/[\r\n]/).map(lineWidth) : [lineWidth(c)]));
    const maxwidth = maximum(widths.map((w) => maximum(w)), minwidth);
    return cells.map((cell, j) => {
      if (!multiline) return padRight(invisible ? maxwidth - (widths[j][0] - length(cell)) : maxwidth, cell);
      if (!invisible) return splitLines(cell).map((l) => padRight(maxwidth, l)).join('\n');
      // Measured on \r/\n pieces, written on splitlines() lines: zip stops at the shorter.
      const pieces = cell.split(/[\r\n]/);
      const lines = splitLines(cell);
      const n = Math.min(pieces.length, lines.length);
      return lines.slice(0, n).map((l, k) => padRight(maxwidth - (widths[j][k] - length(pieces[k])), l)).join('\n');
    });
  });
  const colwidths = headers.map((h, i) => maximum(columns[i].map(width), width(h) + 2));
  const alignedHeaders = headers.map((h, i) =>
    (multiline ? h.split(/\r\n|\r|\n/) : [h]).map((line) => padRight(colwidths[i] + length(line) - lineWidth(line), line)).join('\n'),
  );

  const row = (cells: string[]) => rstrip(cells.join('  '));
  let first = true;
  const line = (text: string) => {
    out.put(first ? text : `\n${text}`);
    first = false;
  };
  const append = (cells: string[]) => {
    if (!multiline) return line(row(cells));
    // Each cell's lines side by side; a cell with fewer lines is filled with spaces.
    const cellLines = cells.map((c) => splitLines(c));
    const n = maximum(cellLines.map((l) => l.length), 0);
    for (let k = 0; k < n; k++) line(row(cellLines.map((l, i) => l[k] ?? ' '.repeat(colwidths[i]))));
  };
  append(alignedHeaders);
  line(row(colwidths.map((w) => '-'.repeat(w))));
  for (let j = 0; j < rows.length; j++) append(columns.map((c) => c[j]));
}

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

/** Python's str.isspace characters (strip and rstrip). */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const RSTRIP = new RegExp(`[${PY_SPACE}]+$`);

const INVISIBLE = /\x1b\[\d+[;\d]*m|\x1b\[\d*;\d*;\d*m|\x1b\]8;;(.*?)\x1b\\/g;
const LINK = /\x1b\]8;[a-zA-Z0-9:]*;[^\x1b]+\x1b\\([^\x1b]+)\x1b\]8;;\x1b\\/g;
const MULTILINE = /[\r\n]/;

const length = (s: string) => [...s].length;
const stripInvisible = (s: string) => s.replace(LINK, '$1').replace(INVISIBLE, '');
const padRight = (width: number, s: string) => s + ' '.repeat(Math.max(0, width - length(s)));

/** Python's str.splitlines(): no empty line after a final break. */
function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `headers` and rows of cells (null for a missing value) as tabulate prints them, without a final newline. */
export function tabulateSimple(headers: string[], rows: Array<Array<string | null>>): string {
  const plain = [headers, ...rows].map((r) => r.map((c) => c ?? '').join('\t')).join('\t');
  const invisible = new RegExp(INVISIBLE.source).test(plain) || new RegExp(LINK.source).test(plain);
  const multiline = MULTILINE.test(plain);
  const lineWidth = invisible ? (s: string) => length(stripInvisible(s)) : length;
  const width = (s: string) => (multiline ? Math.max(...s.split(/[\r\n]/).map(lineWidth)) : lineWidth(s));

  const columns = headers.map((header, i) => {
    const cells = rows.map((r) => (r[i] ?? '').replace(STRIP, ''));
    const minwidth = width(header) + 2;
    const widths = cells.map((c) => (multiline ? c.split(/[\r\n]/).map(lineWidth) : [lineWidth(c)]));
    const maxwidth = Math.max(minwidth, ...widths.flat());
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
  const colwidths = headers.map((h, i) => Math.max(width(h) + 2, ...columns[i].map(width)));
  const alignedHeaders = headers.map((h, i) =>
    (multiline ? h.split(/\r\n|\r|\n/) : [h]).map((line) => padRight(colwidths[i] + length(line) - lineWidth(line), line)).join('\n'),
  );

  const row = (cells: string[]) => cells.join('  ').replace(RSTRIP, '');
  const lines: string[] = [];
  const append = (cells: string[]) => {
    if (!multiline) return void lines.push(row(cells));
    // Each cell's lines side by side; a cell with fewer lines is filled with spaces.
    const cellLines = cells.map((c) => splitLines(c));
    const n = Math.max(0, ...cellLines.map((l) => l.length));
    for (let k = 0; k < n; k++) lines.push(row(cellLines.map((l, i) => l[k] ?? ' '.repeat(colwidths[i]))));
  };
  append(alignedHeaders);
  lines.push(row(colwidths.map((w) => '-'.repeat(w))));
  for (let j = 0; j < rows.length; j++) append(columns.map((c) => c[j]));
  return lines.join('\n');
}

// Python's textwrap.TextWrapper as knack's help printer uses it (_print_indent: width 100,
// replace_whitespace=False, break_on_hyphens and break_long_words on, whitespace dropped at line
// ends): words are split where textwrap splits them (whitespace runs, and after a hyphen between
// letters, "Stopped-Deallocated" → "Stopped-", "Deallocated"), then lines filled greedily.
// Written for this project (ASCII classes: az's help text is ASCII).

const WS = '[\\t\\n\\x0b\\x0c\\r ]';
const NWS = '[^\\t\\n\\x0b\\x0c\\r ]';
const WORD_PUNCT = '[\\w!"\'&.,?]';
const LETTER = '[A-Za-z_]';
/** textwrap's wordsep_re: whitespace, an em-dash between words, or a word (ending at a hyphen between letters). */
const WORD_SEPARATOR = new RegExp(
  `(${WS}+|(?<=${WORD_PUNCT})-{2,}(?=\\w)|${NWS}+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?=${WS}|$)|(?<=${WORD_PUNCT})(?=-{2,}\\w)))`,
);

const isBlank = (s: string) => s.trim() === '';

/** Python's str.expandtabs(8). */
function expandTabs(text: string): string {
  let out = '';
  for (const c of text) {
    if (c === '\t') out += ' '.repeat(8 - (out.length - out.lastIndexOf('\n') - 1) % 8);
    else out += c;
  }
  return out;
}

/** TextWrapper(width, initial_indent, subsequent_indent).wrap(text). */
export function wrap(text: string, width: number, initialIndent: string, subsequentIndent: string): string[] {
  const chunks = expandTabs(text).split(WORD_SEPARATOR).filter((c) => c !== '').reverse();
  const lines: string[] = [];
  while (chunks.length) {
    const line: string[] = [];
    let length = 0;
    const indent = lines.length ? subsequentIndent : initialIndent;
    const room = width - indent.length;
    if (lines.length && isBlank(chunks[chunks.length - 1])) chunks.pop();
    while (chunks.length && length + chunks[chunks.length - 1].length <= room) {
      length += chunks[chunks.length - 1].length;
      line.push(chunks.pop()!);
    }
    if (chunks.length && chunks[chunks.length - 1].length > room) {
      // A word longer than a line: cut it, after its last hyphen that fits when there is one.
      const left = room < 1 ? 1 : room - length;
      const chunk = chunks[chunks.length - 1];
      let end = left;
      const hyphen = chunk.lastIndexOf('-', left - 1);
      if (chunk.length > left && hyphen > 0 && /[^-]/.test(chunk.slice(0, hyphen))) end = hyphen + 1;
      line.push(chunk.slice(0, end));
      chunks[chunks.length - 1] = chunk.slice(end);
    }
    if (line.length && isBlank(line[line.length - 1])) line.pop();
    if (line.length) lines.push(indent + line.join(''));
  }
  return lines;
}

/** knack's _print_indent: each paragraph of `text` filled at `width`, as the lines print() writes. */
export function printIndent(text: string, indent = 0, hanging = -1, width = 100): string {
  const first = '    '.repeat(indent);
  const next = hanging === -1 ? first : ' '.repeat(hanging);
  return text.split('\n').map((p) => `${wrap(p, width, first, next).join('\n')}\n`).join('');
}

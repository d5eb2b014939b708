// Text the terminal writes itself (its greeting) wrapped at word boundaries to its columns, so
// no word is split across rows the way xterm's own wrapping splits it.

/** Lines of at most `columns` characters, broken between words; a word longer than a line stays whole on its own line. */
export function wrapWords(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

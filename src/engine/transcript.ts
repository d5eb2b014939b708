// Transcript files (labs/transcripts/*.sh): one command line per line, `#` comments and blank lines skipped.
export function transcriptLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

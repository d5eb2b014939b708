// Reading the reader's answers: what counts as the same value for each kind of answer.
import type { AnswerKind } from './types.ts';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Quotes and surrounding blanks a reader may paste along with a value (`"x"`, `'x'`). */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(trimmed);
  return (quoted ? quoted[2] : trimmed).trim();
}

export const isIpv4 = (text: string) => IPV4.test(text);

/** 1,024 and 1 024 are 1024. */
export function toNumber(text: string): number | undefined {
  const cleaned = unquote(text).replace(/[,_\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** The items of a list answer: one per line, or separated by commas or blanks. */
export function listItems(text: string): string[] {
  const items = text.split(/[\s,]+/).map(unquote).filter(Boolean);
  return [...new Set(items.map((i) => i.toLowerCase()))].sort();
}

/** The canonical form two answers are compared in. Names and text compare case-insensitively (as Azure names do). */
export function canonical(kind: AnswerKind, text: string): string {
  switch (kind) {
    case 'ip':
      return unquote(text);
    case 'number': {
      const n = toNumber(text);
      return n === undefined ? unquote(text) : String(n);
    }
    case 'list':
      return listItems(text).join('\n');
    case 'name':
      return unquote(text).toLowerCase();
    case 'text':
      return unquote(text).replace(/\s+/g, ' ').toLowerCase();
  }
}

/** The value a reference command printed: its first line for single values, every line for lists. */
export function printedValue(kind: AnswerKind, stdout: string): string {
  return kind === 'list' ? stdout : (stdout.split('\n').find((line) => line.trim() !== '') ?? '');
}

// The terminal's greeting is wrapped between words to the terminal's columns.
import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/site/terminal/wrap.ts';

const GREETING = 'ARO Packet Labs: Simulated lab aro2. Type help for the commands, submit ID ANSWER for an exercise.';

describe('wrapWords', () => {
  it.each([20, 46, 73, 121])('at %i columns keeps every word whole and every line within the columns', (columns) => {
    const lines = wrapWords(GREETING, columns);
    expect(lines.every((line) => line.length <= columns)).toBe(true);
    expect(lines.join(' ')).toBe(GREETING);
    expect(lines.flatMap((line) => line.split(' '))).toEqual(GREETING.split(' '));
  });

  it('fills each line as far as the next word allows', () => {
    const lines = wrapWords(GREETING, 46);
    for (let i = 0; i < lines.length - 1; i++) expect(lines[i].length + 1 + lines[i + 1].split(' ')[0].length).toBeGreaterThan(46);
  });

  it('puts a word longer than a line on its own line, whole', () => {
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
  });

  it('writes one line when the text fits', () => {
    expect(wrapWords(GREETING, 200)).toEqual([GREETING]);
  });
});

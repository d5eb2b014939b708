// The room view's counting: one attendee however many of their codes are pasted (the newest
// wins), one label per attendee on every row, codes from before attendee ids still counted.
import { describe, expect, it } from 'vitest';
import { encodeCode } from '../../src/site/progress/code.ts';
import { describeRoom, solvers, tally, type Room } from '../../src/site/workshop/room.ts';

const at = (iso: string) => new Date(iso);
/** A code as this site makes it. */
const code = (name: string, solved: string[], attendee?: string, time?: string) => encodeCode({ name, solved, attendee, time: time ? at(time) : undefined });
/** A code as the site made it before attendee ids and times: `{n, s}` only. */
const oldCode = (name: string, solved: string[]) => `ARO1-${Buffer.from(JSON.stringify({ n: name, s: solved })).toString('base64url')}`;

/** What the table shows: per exercise, "k of n" and the names. */
function table(room: Room, exercises: string[]): Record<string, [string, string]> {
  return Object.fromEntries(exercises.map((id) => [id, [`${solvers(room, id).length} of ${room.attendees.length}`, solvers(room, id).map((a) => a.label).join(', ')]]));
}

describe('room view', () => {
  it('an older and a newer code of one attendee count once, the newer one wins wherever it is pasted', () => {
    const older = code('Ada', ['api-port'], 'ada-browser-1', '2024-05-01T10:00:00Z');
    const newer = code('Ada', ['api-port', 'egress-ip'], 'ada-browser-1', '2024-05-01T11:00:00Z');
    const other = code('Bob', ['egress-ip'], 'bob-browser-1', '2024-05-01T10:30:00Z');
    for (const lines of [[older, other, newer], [newer, other, older]]) {
      const room = tally(lines.join('\n'));
      expect(room.attendees.map((a) => a.label)).toEqual(['Ada', 'Bob']);
      expect(table(room, ['api-port', 'egress-ip'])).toEqual({ 'api-port': ['1 of 2', 'Ada'], 'egress-ip': ['2 of 2', 'Ada, Bob'] });
      expect(describeRoom(room)).toBe('2 attendees, 1 more code of an attendee already counted.');
    }
  });

  it('a newer code wins even when it solves less (the attendee reset their progress)', () => {
    const room = tally([code('', ['api-port'], 'same-browser', '2024-05-01T10:00:00Z'), code('', [], 'same-browser', '2024-05-01T12:00:00Z')].join('\n'));
    expect(table(room, ['api-port'])).toEqual({ 'api-port': ['0 of 1', ''] });
  });

  it('attendee labels are given once, in order of first appearance, and are the same on every row', () => {
    const room = tally(
      [
        code('', ['a'], 'first-browser', '2024-05-01T10:00:00Z'),
        code('', ['a', 'b'], 'second-browser', '2024-05-01T10:00:00Z'),
        code('Grace', ['b', 'c'], 'grace-browser', '2024-05-01T10:00:00Z'),
        code('', ['b', 'c'], 'third-browser', '2024-05-01T10:00:00Z'),
        // The first attendee again, later: keeps the label of the first appearance.
        code('', ['a', 'c'], 'first-browser', '2024-05-01T11:00:00Z'),
      ].join('\n'),
    );
    expect(table(room, ['a', 'b', 'c'])).toEqual({
      a: ['2 of 4', 'attendee 1, attendee 2'],
      b: ['3 of 4', 'attendee 2, Grace, attendee 3'],
      c: ['3 of 4', 'attendee 1, Grace, attendee 3'],
    });
  });

  it('two attendees who chose the same display name count twice and are told apart', () => {
    const room = tally([code('Alex', ['a'], 'alex-browser-1', '2024-05-01T10:00:00Z'), code('Alex', ['a'], 'alex-browser-2', '2024-05-01T10:00:00Z')].join('\n'));
    expect(table(room, ['a'])).toEqual({ a: ['2 of 2', 'Alex, Alex (2)'] });
  });

  it('codes made before attendee ids: one display name counts once (the later line wins), unnamed codes count apart', () => {
    const room = tally([oldCode('Ada', ['a']), oldCode('', ['a']), oldCode('Ada', ['a', 'b']), oldCode('', ['b']), oldCode('', ['a'])].join('\n'));
    expect(describeRoom(room)).toBe('3 attendees, 2 more codes of attendees already counted.');
    expect(table(room, ['a', 'b'])).toEqual({ a: ['2 of 3', 'Ada, attendee 1'], b: ['2 of 3', 'Ada, attendee 2'] });
  });

  it('the same code pasted twice counts once; unreadable lines are listed by number and counted apart', () => {
    const grace = code('Grace', ['api-port'], 'grace-browser', '2024-05-01T10:00:00Z');
    const room = tally([grace, '', 'hello', `  ${grace}  `, 'ARO1-!!'].join('\n'));
    expect(room.errors).toEqual(['Line 3: a progress code starts with ARO1-.', 'Line 5: the code is damaged (was it copied whole?).']);
    expect(describeRoom(room)).toBe('1 attendee, 1 more code of an attendee already counted, 2 unreadable lines.');
  });
});

// The room view's counting: progress codes pasted one per line become attendees. An attendee is
// who made the code: the browser's attendee id inside it, or, for codes made before those ids
// existed, the display name (or, without one, the code itself). Several codes of one attendee
// count once, the newest winning; each attendee gets one label, the same on every row.
import { decodeCode, UnreadableProgress } from '../progress/code.ts';

export interface Attendee {
  /** The display name, or "attendee N" numbered in order of first appearance. */
  label: string;
  /** The exercises the attendee's newest code says are solved. */
  solved: ReadonlySet<string>;
}

export interface Room {
  /** In order of first appearance. */
  attendees: Attendee[];
  /** Codes left out because another code of the same attendee counts (a repeat, or an older one). */
  superseded: number;
  errors: string[];
}

interface Seen {
  name: string;
  solved: ReadonlySet<string>;
  /** When the counted code was made, in ms; 0 for codes without a time. */
  time: number;
}

function attendeeKey(code: string, shared: { name: string; attendee?: string }): string {
  if (shared.attendee) return `id ${shared.attendee}`;
  return shared.name ? `name ${shared.name}` : `code ${code}`;
}

export function tally(text: string): Room {
  // A Map in insertion order: the order of first appearance, whatever code replaces the first.
  const seen = new Map<string, Seen>();
  const errors: string[] = [];
  let superseded = 0;
  text.split('\n').forEach((line, index) => {
    const code = line.trim();
    if (!code) return;
    let shared;
    try {
      shared = decodeCode(code);
    } catch (error) {
      if (!(error instanceof UnreadableProgress)) throw error;
      errors.push(`Line ${index + 1}: ${error.message}.`);
      return;
    }
    const key = attendeeKey(code, shared);
    const next: Seen = { name: shared.name, solved: new Set(shared.solved), time: shared.time?.getTime() ?? 0 };
    const before = seen.get(key);
    if (before) superseded++;
    // The newest code wins; of two equally old, the one pasted later.
    if (!before || next.time >= before.time) seen.set(key, next);
  });
  return { attendees: label([...seen.values()]), superseded, errors };
}

/** Names as given ("Ada", and "Ada (2)" for a second Ada); "attendee 1", "attendee 2"… for the rest. */
function label(seen: Seen[]): Attendee[] {
  const named = new Map<string, number>();
  let unnamed = 0;
  return seen.map(({ name, solved }) => {
    if (!name) return { label: `attendee ${++unnamed}`, solved };
    const nth = (named.get(name) ?? 0) + 1;
    named.set(name, nth);
    return { label: nth === 1 ? name : `${name} (${nth})`, solved };
  });
}

export const solvers = (room: Room, exercise: string): Attendee[] => room.attendees.filter((a) => a.solved.has(exercise));

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 attendees, 1 older code of an attendee already counted, 1 unreadable line." */
export function describeRoom(room: Room): string {
  const parts = [count(room.attendees.length, 'attendee')];
  if (room.superseded) parts.push(`${count(room.superseded, 'more code')} of ${room.superseded === 1 ? 'an attendee' : 'attendees'} already counted`);
  if (room.errors.length) parts.push(count(room.errors.length, 'unreadable line'));
  return `${parts.join(', ')}.`;
}

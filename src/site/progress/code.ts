// Progress codes (`ARO1-…`): base64url of a small JSON object, safe to paste into a chat.
//   n: display name ('' when none)   s: ids of the solved exercises
//   a: the attendee id of the browser that made it   t: when it was made (seconds since 1970)
// Codes made before `a` and `t` existed hold only n and s; they still read.
// Reading never throws anything but an UnreadableProgress whose message says what is wrong.

import { ATTENDEE_ID, loadProgress, saveProgress } from './store.ts';

export const CODE_PREFIX = 'ARO1-';

/** A code of every exercise of the site is about 2 KB; anything far larger is not a progress code,
 * and is refused before it is decoded. */
export const MAX_CODE_CHARS = 64 * 1024;

/** The display name's longest length (the progress page's input allows as much). */
export const MAX_NAME = 80;
/** Seconds since 1970 of the last day a JavaScript Date can hold. */
const LAST_SECOND = 8.64e12;

/** What the reader pasted or picked cannot be used; the message says why, in words for them. */
export class UnreadableProgress extends Error {}

export interface SharedProgress {
  name: string;
  /** Every id the code lists, once each, in its order; which of them the site knows is the reader's business. */
  solved: string[];
  /** Absent in codes made before attendee ids. */
  attendee?: string;
  /** When the code was made; absent in codes made before times. */
  time?: Date;
}

export function encodeCode(shared: SharedProgress): string {
  const json = JSON.stringify({
    n: shared.name,
    s: [...new Set(shared.solved)].sort(),
    ...(shared.attendee && { a: shared.attendee }),
    ...(shared.time && { t: Math.floor(shared.time.getTime() / 1000) }),
  });
  let binary = '';
  for (const b of new TextEncoder().encode(json)) binary += String.fromCharCode(b);
  return CODE_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const kilobytes = (chars: number) => `${Math.ceil(chars / 1024)} KB`;

/** Reads a progress code; throws an UnreadableProgress saying what is wrong with it. */
export function decodeCode(code: string): SharedProgress {
  const text = code.trim();
  if (!text.startsWith(CODE_PREFIX)) throw new UnreadableProgress(`a progress code starts with ${CODE_PREFIX}`);
  if (text.length > MAX_CODE_CHARS) throw new UnreadableProgress(`the code is ${kilobytes(text.length)} long; a progress code is at most ${kilobytes(MAX_CODE_CHARS)}`);
  let value: unknown;
  try {
    const binary = atob(text.slice(CODE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw new UnreadableProgress('the code is damaged (was it copied whole?)');
  }
  const foreign = new UnreadableProgress('the code does not hold progress from this site');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw foreign;
  const { n, s, a, t } = value as Record<string, unknown>;
  if (typeof n !== 'string' || !Array.isArray(s) || !s.every((id) => typeof id === 'string')) throw foreign;
  if (a !== undefined && !(typeof a === 'string' && ATTENDEE_ID.test(a))) throw foreign;
  if (t !== undefined && !(Number.isInteger(t) && (t as number) >= 0 && (t as number) <= LAST_SECOND)) throw foreign;
  return {
    name: n.slice(0, MAX_NAME),
    solved: [...new Set(s as string[])],
    ...(a !== undefined && { attendee: a as string }),
    ...(t !== undefined && { time: new Date((t as number) * 1000) }),
  };
}

/** Random and made once per browser: the room view tells attendees apart by it, names may repeat. */
function newAttendeeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** A short code: display name, solved exercises, this browser's attendee id and the time. */
export function exportCode(now = new Date()): string {
  const progress = loadProgress();
  if (!progress.attendee) {
    progress.attendee = newAttendeeId();
    // When storage refuses, this code still carries the id; the next one gets another.
    saveProgress(progress);
  }
  const solved = [...progress.exercises].filter(([, e]) => e.solved).map(([id]) => id);
  return encodeCode({ name: progress.name ?? '', solved, attendee: progress.attendee, time: now });
}

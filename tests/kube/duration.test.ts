// apimachinery duration.HumanDuration, the AGE of every table: each row is one boundary of the
// rule table in the facts (truncating division, the two-second grace for clock skew).
import { describe, expect, it } from 'vitest';
import { humanDuration, timestampSince } from '../../src/engine/format/kube/duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration', () => {
  it.each([
    [-2 * s, '<invalid>'], // more than a second in the future
    [-1.5 * s, '0s'], // int(-1.5s) is -1: still "now"
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'], // seconds up to two minutes
    [120 * s, '2m'], // then minutes, seconds dropped when zero
    [3 * m + 7 * s, '3m7s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'], // from ten minutes, whole minutes
    [54 * m, '54m'], // the post's pods
    [179 * m + 59 * s, '179m'], // minutes up to three hours
    [3 * h, '3h'],
    [6 * h + 50 * m, '6h50m'], // the post's sqlapilb service
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'], // from eight hours, whole hours
    [10 * h, '10h'], // the post's routers
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d + 5 * h, '8d'], // from eight days, whole days
    [400 * d, '400d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [2 * y + 5 * d, '2y5d'],
    [8 * y - d, '7y364d'],
    [8 * y, '8y'],
    [20 * y + 100 * d, '20y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('timestampSince', () => {
  const now = new Date('2020-05-29T16:00:00Z');
  it('measures from the lab clock, not the wall clock', () => {
    expect(timestampSince('2020-05-29T15:06:00Z', now)).toBe('54m');
    expect(timestampSince('2020-05-29T09:10:00Z', now)).toBe('6h50m');
  });
  it('prints <unknown> for a missing or zero creationTimestamp', () => {
    expect(timestampSince(undefined, now)).toBe('<unknown>');
    expect(timestampSince('', now)).toBe('<unknown>');
    expect(timestampSince('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
  });
});

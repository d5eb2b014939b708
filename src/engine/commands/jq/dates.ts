// jq 1.7.1's date builtins, in UTC (the lab's machine runs in UTC, so localtime is gmtime):
// broken-down times are [year, month 0-11, day, hours, minutes, seconds, weekday, day of year]
// as jq prints them, formatted and parsed with glibc's C-locale strftime/strptime conversions.
import { JqRuntimeError, type Builtin, type JqValue } from './evaluate.ts';
import { plain } from './values.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO = '%Y-%m-%dT%H:%M:%SZ';

/** Seconds since the epoch of a UTC date (any year, no two-digit year shortcut). */
function timegm(year: number, month: number, day: number, h: number, m: number, s: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(h, m, s, 0);
  return Math.floor(d.getTime() / 1000);
}

/** C's gmtime of the seconds truncated toward zero, with the fraction past the floor added to the
 * seconds, as jq 1.7.1 computes them. */
function brokenDown(seconds: number): number[] {
  const whole = Math.trunc(seconds);
  const d = new Date(whole * 1000);
  const yday = Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + (seconds - Math.floor(seconds)), d.getUTCDay(), yday];
}

/** The broken-down time jq reads from an array: numbers in the first six places at least. */
function fields(v: JqValue, error: string): number[] {
  if (!Array.isArray(v) || v.length < 6) throw new JqRuntimeError(error);
  const out: number[] = [];
  for (const x of v) {
    const n = plain(x);
    if (typeof n !== 'number') throw new JqRuntimeError(error);
    out.push(Math.trunc(n));
  }
  return out;
}

const pad = (n: number, width: number, fill = '0') => {
  const text = String(Math.abs(n)).padStart(width, fill);
  return n < 0 ? `-${text}` : text;
};

/** ISO 8601 week-based year and week of a broken-down time. */
function isoWeek(year: number, wday: number, yday: number): [number, number] {
  const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  // A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
  const weeksIn = (y: number, jan1: number) => (jan1 === 4 || (jan1 === 3 && leap(y)) ? 53 : 52);
  const jan1 = (((wday - yday) % 7) + 7) % 7;
  const week = Math.floor((yday - ((wday + 6) % 7) + 10) / 7);
  if (week < 1) {
    const prevJan1 = (((jan1 - (leap(year - 1) ? 366 : 365)) % 7) + 7) % 7;
    return [year - 1, weeksIn(year - 1, prevJan1)];
  }
  if (week > weeksIn(year, jan1)) return [year + 1, 1];
  return [year, week];
}

function strftime(t: number[], format: string): string {
  const [year, mon, mday, hour, min, sec, wday, yday] = t;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const conv = (c: string): string => {
    switch (c) {
      case 'a': return DAYS[((wday % 7) + 7) % 7].slice(0, 3);
      case 'A': return DAYS[((wday % 7) + 7) % 7];
      case 'b': case 'h': return MONTHS[((mon % 12) + 12) % 12].slice(0, 3);
      case 'B': return MONTHS[((mon % 12) + 12) % 12];
      case 'c': return `${conv('a')} ${conv('b')} ${conv('e')} ${conv('T')} ${year}`;
      case 'C': return pad(Math.floor(year / 100), 2);
      case 'd': return pad(mday, 2);
      case 'D': case 'x': return `${conv('m')}/${conv('d')}/${conv('y')}`;
      case 'e': return pad(mday, 2, ' ');
      case 'F': return `${year}-${conv('m')}-${conv('d')}`;
      case 'g': return pad(isoWeek(year, wday, yday)[0] % 100, 2);
      case 'G': return String(isoWeek(year, wday, yday)[0]);
      case 'H': return pad(hour, 2);
      case 'I': return pad(h12, 2);
      case 'j': return pad(yday + 1, 3);
      case 'k': return pad(hour, 2, ' ');
      case 'l': return pad(h12, 2, ' ');
      case 'm': return pad(mon + 1, 2);
      case 'M': return pad(min, 2);
      case 'n': return '\n';
      case 'p': return hour < 12 ? 'AM' : 'PM';
      case 'P': return hour < 12 ? 'am' : 'pm';
      case 'r': return `${conv('I')}:${conv('M')}:${conv('S')} ${conv('p')}`;
      case 'R': return `${conv('H')}:${conv('M')}`;
      case 's': return String(timegm(year, mon, mday, hour, min, sec));
      case 'S': return pad(sec, 2);
      case 't': return '\t';
      case 'T': case 'X': return `${conv('H')}:${conv('M')}:${conv('S')}`;
      case 'u': return String(wday === 0 ? 7 : wday);
      case 'U': return pad(Math.floor((yday + 7 - wday) / 7), 2);
      case 'V': return pad(isoWeek(year, wday, yday)[1], 2);
      case 'w': return String(wday);
      case 'W': return pad(Math.floor((yday + 7 - ((wday + 6) % 7)) / 7), 2);
      case 'y': return pad(((year % 100) + 100) % 100, 2);
      case 'Y': return String(year);
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
      default: return `%${c}`;
    }
  };
  // glibc takes the E and O modifiers and prints the plain conversion in the C locale.
  return format.replace(/%[EO]?(.)/gs, (_, c: string) => conv(c));
}

/** What strptime reads: C's struct tm, the half of the day %p named, and the seconds %s gave. */
interface BrokenDown {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  pm: boolean | null;
  epoch: number | null;
}

/** glibc's strptime in the C locale for the conversions jq programs use; null when the text does
 * not match. */
function strptime(text: string, format: string): JqValue[] | null {
  let pos = 0;
  const t: BrokenDown = { year: 1900, mon: 0, mday: 0, hour: 0, min: 0, sec: 0, wday: -1, yday: -1, pm: null, epoch: null };
  const digits = (max: number): number | null => {
    const m = new RegExp(`^[+-]?\\d{1,${max}}`).exec(text.slice(pos).replace(/^\s+/, (s) => ((pos += s.length), '')));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const name = (names: string[]): number | null => {
    const rest = text.slice(pos).toLowerCase();
    for (let i = 0; i < names.length; i++) {
      for (const candidate of [names[i].toLowerCase(), names[i].slice(0, 3).toLowerCase()]) {
        if (rest.startsWith(candidate)) {
          pos += candidate.length;
          return i;
        }
      }
    }
    return null;
  };
  const expand: Record<string, string> = { T: '%H:%M:%S', D: '%m/%d/%y', F: '%Y-%m-%d', R: '%H:%M', r: '%I:%M:%S %p', c: '%a %b %e %H:%M:%S %Y', x: '%m/%d/%y', X: '%H:%M:%S' };
  const fmt = format.replace(/%([TDFRrcxX])/g, (_, c: string) => expand[c]);
  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i];
    if (/\s/.test(f)) {
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      continue;
    }
    if (f !== '%') {
      if (text[pos] !== f) return null;
      pos++;
      continue;
    }
    let c = fmt[++i];
    if (c === 'E' || c === 'O') c = fmt[++i];
    let n: number | null;
    switch (c) {
      case 'Y': if ((n = digits(4)) === null) return null; t.year = n; break;
      case 'y': if ((n = digits(2)) === null) return null; t.year = n < 69 ? 2000 + n : 1900 + n; break;
      case 'C': if ((n = digits(2)) === null) return null; t.year = n * 100 + (t.year % 100); break;
      case 'm': if ((n = digits(2)) === null || n < 1 || n > 12) return null; t.mon = n - 1; break;
      case 'd': case 'e': if ((n = digits(2)) === null || n < 1 || n > 31) return null; t.mday = n; break;
      case 'H': case 'k': if ((n = digits(2)) === null || n > 23) return null; t.hour = n; break;
      case 'I': case 'l': if ((n = digits(2)) === null || n < 1 || n > 12) return null; t.hour = n % 12; break;
      case 'M': if ((n = digits(2)) === null || n > 59) return null; t.min = n; break;
      case 'S': if ((n = digits(2)) === null || n > 61) return null; t.sec = n; break;
      case 'j': if ((n = digits(3)) === null || n < 1 || n > 366) return null; t.yday = n - 1; break;
      case 's': if ((n = digits(20)) === null) return null; t.epoch = n; break;
      case 'b': case 'B': case 'h': if ((n = name(MONTHS)) === null) return null; t.mon = n; break;
      case 'a': case 'A': if ((n = name(DAYS)) === null) return null; t.wday = n; break;
      case 'p': {
        const m = /^(am|pm)/i.exec(text.slice(pos));
        if (!m) return null;
        t.pm = m[1].toLowerCase() === 'pm';
        pos += 2;
        break;
      }
      case 'z': {
        const m = /^(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.slice(pos));
        if (!m) return null;
        pos += m[0].length;
        break;
      }
      case 'Z': {
        const m = /^[A-Za-z]*/.exec(text.slice(pos))!;
        pos += m[0].length;
        break;
      }
      case 'n': case 't': while (pos < text.length && /\s/.test(text[pos])) pos++; break;
      case '%': if (text[pos] !== '%') return null; pos++; break;
      default: return null;
    }
  }
  // jq accepts trailing white space only (and, as 1.7.1 does, adds it to the result).
  const rest = text.slice(pos);
  if (!/^\s*$/.test(rest)) return null;
  if (t.pm !== null && t.pm) t.hour += 12;
  if (t.epoch !== null) return brokenDown(t.epoch).map(Math.trunc);
  // jq fills in the weekday and the day of the year from the date.
  const seconds = timegm(t.year, t.mon, t.mday, t.hour, t.min, t.sec);
  const whole = brokenDown(seconds);
  return [t.year, t.mon, t.mday, t.hour, t.min, t.sec, whole[6], whole[7], ...(rest ? [rest] : [])];
}

function dateInput(v: JqValue, name: string): number[] {
  const n = plain(v);
  if (typeof n === 'number') return brokenDown(n).map((x, i) => (i === 5 ? Math.trunc(x) : x));
  return fields(v, `${name}/1 requires parsed datetime inputs`);
}

function format(v: JqValue, f: JqValue, name: string): string {
  const t = dateInput(v, name);
  if (typeof f !== 'string') throw new JqRuntimeError(`${name}/1 requires a string format`);
  return strftime(t, f);
}

function parse(v: JqValue, f: JqValue): JqValue[] {
  if (typeof v !== 'string' || typeof f !== 'string') throw new JqRuntimeError('strptime/1 requires string inputs and arguments');
  const t = strptime(v, f);
  if (!t) throw new JqRuntimeError(`date ${JSON.stringify(v)} does not match format ${JSON.stringify(f)}`);
  return t;
}

function mktime(v: JqValue): number {
  if (!Array.isArray(v)) throw new JqRuntimeError('mktime requires array inputs');
  const [year, mon, mday, hour, min, sec] = fields(v, 'mktime requires parsed datetime inputs');
  return timegm(year, mon, mday, hour, min, sec);
}

export function dateBuiltins(): Array<[string, Builtin]> {
  const timeOf = (name: string) => function* (v: JqValue) {
    const n = plain(v);
    if (typeof n !== 'number') throw new JqRuntimeError(`${name}() requires numeric inputs`);
    yield brokenDown(n);
  };
  return [
    ['now/0', function* (_v, _a, _e, ev) { yield ev.now() / 1000; }],
    ['gmtime/0', timeOf('gmtime')],
    ['localtime/0', timeOf('localtime')],
    ['mktime/0', function* (v) { yield mktime(v); }],
    ['strftime/1', function* (v, [f], e, ev) { for (const x of ev.eval(f, v, e)) yield format(v, x, 'strftime'); }],
    ['strflocaltime/1', function* (v, [f], e, ev) { for (const x of ev.eval(f, v, e)) yield format(v, x, 'strflocaltime'); }],
    ['strptime/1', function* (v, [f], e, ev) { for (const x of ev.eval(f, v, e)) yield parse(v, x); }],
    ['todate/0', function* (v) { yield format(v, ISO, 'strftime'); }],
    ['todateiso8601/0', function* (v) { yield format(v, ISO, 'strftime'); }],
    ['fromdate/0', function* (v) { yield mktime(parse(v, ISO)); }],
    ['fromdateiso8601/0', function* (v) { yield mktime(parse(v, ISO)); }],
  ];
}

// strftime in the C locale, in UTC (the lab machine's time zone): what bash's printf %(…)T and
// awk's strftime print for a time.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** The ISO 8601 week-based year and week of a date: those of the Thursday of its week. */
function isoWeek(d: Date): { year: number; week: number } {
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const yday = Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86400000);
  return { year: thursday.getUTCFullYear(), week: Math.floor(yday / 7) + 1 };
}

export function strftime(format: string, seconds: number): string {
  const d = new Date(seconds * 1000);
  const yday = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000);
  const hour12 = d.getUTCHours() % 12 || 12;
  const weekOfYear = (startDay: number) => Math.floor((yday + 7 - ((d.getUTCDay() + 7 - startDay) % 7)) / 7);
  const code = (c: string): string => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'A': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'c': return `${code('a')} ${code('b')} ${code('e')} ${code('T')} ${d.getUTCFullYear()}`;
      case 'C': return pad(Math.floor(d.getUTCFullYear() / 100));
      case 'd': return pad(d.getUTCDate());
      case 'D': case 'x': return `${code('m')}/${code('d')}/${code('y')}`;
      case 'e': return pad(d.getUTCDate(), 2, ' ');
      case 'F': return `${d.getUTCFullYear()}-${code('m')}-${code('d')}`;
      case 'g': return pad(isoWeek(d).year % 100);
      case 'G': return String(isoWeek(d).year);
      case 'H': return pad(d.getUTCHours());
      case 'I': return pad(hour12);
      case 'j': return pad(yday + 1, 3);
      case 'k': return pad(d.getUTCHours(), 2, ' ');
      case 'l': return pad(hour12, 2, ' ');
      case 'm': return pad(d.getUTCMonth() + 1);
      case 'M': return pad(d.getUTCMinutes());
      case 'n': return '\n';
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'P': return d.getUTCHours() < 12 ? 'am' : 'pm';
      case 'r': return `${code('I')}:${code('M')}:${code('S')} ${code('p')}`;
      case 'R': return `${code('H')}:${code('M')}`;
      case 's': return String(Math.floor(seconds));
      case 'S': return pad(d.getUTCSeconds());
      case 't': return '\t';
      case 'T': case 'X': return `${code('H')}:${code('M')}:${code('S')}`;
      case 'u': return String(((d.getUTCDay() + 6) % 7) + 1);
      case 'U': return pad(weekOfYear(0));
      case 'V': return pad(isoWeek(d).week);
      case 'w': return String(d.getUTCDay());
      case 'W': return pad(weekOfYear(1));
      case 'y': return pad(d.getUTCFullYear() % 100);
      case 'Y': return String(d.getUTCFullYear());
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
      default: return `%${c}`;
    }
  };
  return format.replace(/%(.?)/gs, (_, c: string) => (c === '' ? '%' : code(c)));
}

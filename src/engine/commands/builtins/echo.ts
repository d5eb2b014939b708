// bash's builtin echo: -n, -e, -E; no escape processing unless -e.
import type { Command } from '../types.ts';

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Interprets `echo -e` escapes; returns the text and whether `\c` cut the output short. */
function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === 'c') return { text: out, stop: true };
    if (n in ESCAPES) out += ESCAPES[n];
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (n === 'u' || n === 'U') {
      // \uHHHH and \UHHHHHHHH: a Unicode character, as bash's echo -e gives it.
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(text.slice(i + 1));
      const code = m ? parseInt(m[0], 16) : -1;
      if (m && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += m[0].length;
      } else out += `\\${n}`;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 1))![0];
      if (m) {
        out += String.fromCharCode(parseInt(m, 16));
        i += m.length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: Command = {
  name: 'echo',
  summary: 'Print the arguments, separated by spaces (-n: no newline, -e: interpret escapes).',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const flag of args.shift()!.slice(1)) {
        if (flag === 'n') newline = false;
        else if (flag === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const result = unescape(text);
      text = result.text;
      if (result.stop) newline = false;
    }
    ctx.stdout.write(newline ? `${text}\n` : text);
    return 0;
  },
};

// GNU cat (coreutils 9): files of the lab's read-only tree and standard input (`-` or no operand),
// -n/-b numbering that runs on across files, -s, and the -v family (-A -e -t -E -T) on the bytes.
import type { Command } from '../types.ts';
import { OptionError, parseOptions } from './options.ts';
import { operandReader } from '../fs/files.ts';
import { helpOrVersion } from './gnu-info.ts';
import { CAT_HELP, CAT_VERSION } from './coreutils-texts.ts';

const LONG: Record<string, string> = {
  'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', number: 'n', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-nonprinting': 'v',
};

/** cat -v's notation of one byte (^X, M-x, M-^X); a tab and a newline stay as they are. */
function visible(byte: number, tabs: boolean): string {
  if (byte === 9) return tabs ? '^I' : '\t';
  if (byte === 10) return '\n';
  const high = byte >= 128 ? 'M-' : '';
  const low = byte & 0x7f;
  if (low < 32) return `${high}^${String.fromCharCode(low + 64)}`;
  if (low === 127) return `${high}^?`;
  return high + String.fromCharCode(low);
}

export const cat: Command = {
  name: 'cat',
  summary: 'Print files of the lab\'s read-only tree or the input (-n -b -s -A -E -T -v).',
  async run(ctx) {
    const info = helpOrVersion(ctx.argv.slice(1), CAT_HELP, CAT_VERSION);
    if (info) {
      ctx.stdout.write(info);
      return 0;
    }
    let options;
    try {
      options = parseOptions('cat', ctx.argv.slice(1), 'AbeEnstTuv', '', LONG);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      ctx.stderr.write(`${error.message}\nTry 'cat --help' for more information.\n`);
      return 1;
    }
    const f = options.flags;
    const nonprinting = f.has('v') || f.has('A') || f.has('e') || f.has('t');
    const ends = f.has('E') || f.has('A') || f.has('e');
    const tabs = f.has('T') || f.has('A') || f.has('t');
    const numberBlank = f.has('b');
    const number = f.has('n') || numberBlank;
    const read = await operandReader(ctx);
    let status = 0;
    let lineNumber = 0;
    let blankRun = 0;
    // A file's last line without a newline joins the next file's first line, as cat's output does.
    let midLine = false;
    let out = '';
    for (const operand of options.operands.length ? options.operands : ['-']) {
      const r = read(operand);
      if ('error' in r) {
        ctx.stdout.write(out);
        out = '';
        ctx.stderr.write(`cat: ${operand}: ${r.error}\n`);
        status = 1;
        continue;
      }
      if (!number && !f.has('s') && !nonprinting && !ends && !tabs) {
        out += r.text;
        midLine = r.text !== '' ? !r.text.endsWith('\n') : midLine;
        continue;
      }
      const bytes = nonprinting ? new TextEncoder().encode(r.text) : undefined;
      const text = bytes ? [...bytes].map((b) => visible(b, tabs)).join('') : tabs ? r.text.replace(/\t/g, '^I') : r.text;
      const lines = text.split('\n');
      const last = lines.pop()!;
      const pieces = lines.map((l) => ({ line: l, newline: true }));
      if (last !== '') pieces.push({ line: last, newline: false });
      for (const { line, newline } of pieces) {
        const blank = line === '' && !midLine;
        if (blank) blankRun++;
        else if (!midLine) blankRun = 0;
        if (f.has('s') && blank && blankRun > 1) continue;
        let prefix = '';
        if (!midLine && number && !(numberBlank && line === '' && newline)) prefix = `${String(++lineNumber).padStart(6)}\t`;
        out += prefix + line + (newline ? `${ends ? '$' : ''}\n` : '');
        midLine = !newline;
      }
    }
    ctx.stdout.write(out);
    return status;
  },
};

// GNU cut: -f/-c/-b with -d, -s, --complement, --output-delimiter.
import type { Command } from '../types.ts';
import { inputLines, parseOptions, usageError } from './options.ts';
import { readInputs } from '../fs/files.ts';
import { errorMessage } from '../../world/json.ts';

type Range = [number, number];

function parseList(list: string, mode: string): Range[] | string {
  const ranges: Range[] = [];
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (!m[1] && !m[3])) return `cut: invalid field value ‘${item}’`;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (m[1] && m[3] && from > to) return 'cut: invalid decreasing range';
    if (from === 0 || to === 0) return mode === 'f' ? 'cut: fields are numbered from 1' : 'cut: byte/character positions are numbered from 1';
    ranges.push([from, to]);
  }
  return ranges;
}

const selected = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b);

export const cut: Command = {
  name: 'cut',
  summary: 'Print selected fields (-d DELIM -f LIST) or characters (-c LIST) of each line.',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('cut', ctx.argv.slice(1), 'snz', 'dfcbO', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's', complement: 'C', 'output-delimiter': 'O', 'zero-terminated': 'z' });
    } catch (e) {
      return usageError(ctx, 'cut', errorMessage(e));
    }
    const modes = ['f', 'c', 'b'].filter((m) => opts.values.has(m));
    if (modes.length === 0) return usageError(ctx, 'cut', 'cut: you must specify a list of bytes, characters, or fields');
    if (modes.length > 1) return usageError(ctx, 'cut', 'cut: only one list may be specified');
    const mode = modes[0];
    const ranges = parseList(opts.values.get(mode)!, mode);
    if (typeof ranges === 'string') return usageError(ctx, 'cut', ranges);
    const delimiter = opts.values.get('d') ?? '\t';
    if (opts.values.has('d') && [...delimiter].length !== 1) return usageError(ctx, 'cut', 'cut: the delimiter must be a single character');
    if (opts.values.has('d') && mode !== 'f') return usageError(ctx, 'cut', 'cut: an input delimiter may be specified only when operating on fields');
    const complement = opts.flags.has('C');
    const keep = (n: number) => selected(ranges, n) !== complement;
    const end = opts.flags.has('z') ? '\0' : '\n';
    let out = '';
    let status = 0;
    for (const input of await readInputs(ctx, opts.operands)) {
      if ('error' in input.read) {
        ctx.stdout.write(out);
        out = '';
        ctx.stderr.write(`cut: ${input.operand}: ${input.read.error}\n`);
        status = 1;
        continue;
      }
      for (const line of inputLines(input.read.text, end)) {
        if (mode === 'f') {
          if (!line.includes(delimiter)) {
            if (!opts.flags.has('s')) out += `${line}${end}`;
            continue;
          }
          const fields = line.split(delimiter);
          out += `${fields.filter((_, i) => keep(i + 1)).join(opts.values.get('O') ?? delimiter)}${end}`;
        } else {
          // GNU cut's -c counts bytes as -b does (coreutils has no multibyte cut); a character cut
          // in two is written as its bytes are, which a UTF-8 reader shows as U+FFFD.
          const bytes = new TextEncoder().encode(line).filter((_, i) => keep(i + 1));
          out += `${new TextDecoder().decode(bytes)}${end}`;
        }
      }
    }
    ctx.stdout.write(out);
    return status;
  },
};

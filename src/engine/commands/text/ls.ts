// GNU ls (coreutils 9) on the lab's read-only tree: -a, -A, -l (a fixed owner, size and time per
// file), -1, -d, -r, -h; one name per line into a pipe, columns on the terminal; files before
// directories, each directory under its name when there are several operands.
import type { Command, CommandContext } from '../types.ts';
import { OptionError, parseOptions } from './options.ts';
import { absolute } from '../fs/files.ts';
import { helpOrVersion } from './gnu-info.ts';
import { LS_HELP, LS_VERSION } from './coreutils-texts.ts';

/** GNU ls's other one-letter options: real, but not run by the lab's ls. */
const UNAVAILABLE = 'bcfgiIkLmnNoqQRsTuUvwxXZDGHB';
import { listDirectory, nodeAt, prepareTree, readFile, type TreeNode } from '../fs/tree.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Every file of the tree was last changed this long before the lab's clock. */
export const TREE_AGE_MS = 3 * 3600 * 1000;
/** ls's "recent": within six months (half of 365.2425 days) of now. */
const HALF_YEAR_MS = (365.2425 / 2) * 24 * 3600 * 1000;

interface Entry {
  name: string;
  path: string;
  node: TreeNode;
}

function size(ctx: CommandContext, e: Entry): number {
  if (e.node.kind === 'directory') return 4096;
  if (e.node.mode.startsWith('c')) return 0;
  return new TextEncoder().encode(readFile(ctx.session, e.path) ?? '').length;
}

/** Blocks of 1 KiB a file takes on a 4 KiB-block file system (what `total` adds up). */
const blocks = (bytes: number) => Math.ceil(bytes / 4096) * 4;

function links(ctx: CommandContext, e: Entry): number {
  if (e.node.kind !== 'directory') return 1;
  const children = listDirectory(ctx.session, e.path) ?? [];
  return 2 + children.filter((c) => nodeAt(`${e.path === '/' ? '' : e.path}/${c}`, ctx.session)?.kind === 'directory').length;
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value < 10 ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${units[unit]}` : `${Math.ceil(value)}${units[unit]}`;
}

function timestamp(ctx: CommandContext): string {
  const now = ctx.session.now();
  const time = new Date(now.getTime() - TREE_AGE_MS);
  const day = String(time.getUTCDate()).padStart(2);
  const recent = now.getTime() - time.getTime() < HALF_YEAR_MS;
  const tail = recent ? `${String(time.getUTCHours()).padStart(2, '0')}:${String(time.getUTCMinutes()).padStart(2, '0')}` : ` ${time.getUTCFullYear()}`;
  return `${MONTHS[time.getUTCMonth()]} ${day} ${tail}`;
}

function longListing(ctx: CommandContext, entries: Entry[], human: boolean): string[] {
  const rows = entries.map((e) => {
    const bytes = size(ctx, e);
    const shown = e.node.mode.startsWith('c') ? '1, 3' : human ? humanSize(bytes) : String(bytes);
    return [e.node.mode, String(links(ctx, e)), e.node.owner, e.node.owner, shown, timestamp(ctx), e.name];
  });
  const width = (i: number) => Math.max(...rows.map((r) => r[i].length));
  return rows.map((r) => `${r[0]} ${r[1].padStart(width(1))} ${r[2].padEnd(width(2))} ${r[3].padEnd(width(3))} ${r[4].padStart(width(4))} ${r[5]} ${r[6]}`);
}

/** Spaces and tabs from column `from` to `to`, as ls pads (tab stops every 8 columns). */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/** ls -C on an 80-column terminal: the most columns whose lines stay shorter than 80, names
 * down then across, each column as wide as its longest name and two more. */
export function columns(names: string[], lineLength = 80): string[] {
  if (names.length === 0) return [];
  const widths = names.map((n) => [...n].length);
  let best = { cols: 1, rows: names.length, colWidths: [Math.max(...widths)] };
  const maxCols = Math.max(1, Math.min(Math.floor(lineLength / 3), names.length));
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(names.length / cols);
    const colWidths = Array<number>(cols).fill(0);
    widths.forEach((w, i) => {
      const col = Math.floor(i / rows);
      colWidths[col] = Math.max(colWidths[col], w + (col === cols - 1 ? 0 : 2));
    });
    if (colWidths.reduce((a, w) => a + w, 0) < lineLength) best = { cols, rows, colWidths };
  }
  const lines: string[] = [];
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    let pos = 0;
    for (let c = 0; c < best.cols; c++) {
      const i = c * best.rows + r;
      if (i >= names.length) break;
      line += names[i];
      if ((c + 1) * best.rows + r < names.length) {
        line += indent(pos + widths[i], pos + best.colWidths[c]);
        pos += best.colWidths[c];
      }
    }
    lines.push(line);
  }
  return lines;
}

export const ls: Command = {
  name: 'ls',
  summary: 'List a directory of the lab\'s read-only tree (-a -A -l -1 -C -d -r -h).',
  async run(ctx) {
    const argv = ctx.argv.slice(1);
    const info = helpOrVersion(argv, LS_HELP, LS_VERSION);
    if (info) {
      ctx.stdout.write(info);
      return 0;
    }
    // The lab prints no colours: --color=auto (colour on a terminal only) and never change nothing.
    const always = argv.find((a) => /^--colou?r(=(always|yes|force))?$/.test(a));
    if (always) {
      ctx.stderr.write(`ls: option ${always} is not available in this lab (the lab's ls prints no colours)\n`);
      return 2;
    }
    const args = argv.filter((a) => !/^--colou?r=(auto|never|no|none|tty|if-tty)$/.test(a));
    // Of -S and -t, the last one given sorts.
    const sortLetters = args.filter((a) => /^-[^-]/.test(a)).join('').replace(/[^St]/g, '');
    const bySize = sortLetters.endsWith('S');
    let options;
    try {
      options = parseOptions('ls', args, `aAldr1hFCpSt${UNAVAILABLE}`, '', {
        all: 'a', 'almost-all': 'A', directory: 'd', reverse: 'r', 'human-readable': 'h', classify: 'F',
      });
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      ctx.stderr.write(`${error.message}\nTry 'ls --help' for more information.\n`);
      return 2;
    }
    const unavailable = [...options.flags].find((f) => UNAVAILABLE.includes(f));
    if (unavailable) {
      ctx.stderr.write(`ls: option -${unavailable} is not available in this lab (it takes -a -A -l -1 -C -d -r -h -F -p -S -t)\n`);
      return 2;
    }
    await prepareTree(ctx.session);
    const f = options.flags;
    const long = f.has('l');
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const order = (a: string, b: string) => (f.has('r') ? -1 : 1) * byName(a, b);
    // Every file of the tree has the same time, so -t keeps the order by name; -S puts the largest first.
    const compareEntries = (a: Entry, b: Entry) => (f.has('r') ? -1 : 1) * (bySize ? size(ctx, b) - size(ctx, a) || byName(a.name, b.name) : byName(a.name, b.name));
    const mark = (e: Entry) => (e.node.kind === 'directory' && (f.has('F') || f.has('p')) ? '/' : '');
    const show = (entries: Entry[]): string[] => {
      const sorted = [...entries].sort(compareEntries).map((e) => ({ ...e, name: e.name + mark(e) }));
      if (long) return longListing(ctx, sorted, f.has('h'));
      const names = sorted.map((e) => e.name);
      return (ctx.tty || f.has('C')) && !f.has('1') ? columns(names) : names;
    };
    let status = 0;
    const files: Entry[] = [];
    const directories: Entry[] = [];
    for (const operand of options.operands.length ? options.operands : ['.']) {
      const path = absolute(ctx, operand);
      const node = nodeAt(path, ctx.session);
      if (!node) {
        ctx.stderr.write(`ls: cannot access '${operand}': No such file or directory\n`);
        status = 2;
      } else if (node.kind === 'directory' && !f.has('d')) directories.push({ name: operand, path, node });
      else files.push({ name: operand, path, node });
    }
    const blocksOut: string[] = [];
    if (files.length) blocksOut.push(show(files).map((l) => `${l}\n`).join(''));
    const several = options.operands.length > 1 || status !== 0;
    for (const dir of [...directories].sort((a, b) => order(a.name, b.name))) {
      const names = listDirectory(ctx.session, dir.path) ?? [];
      const visible = f.has('a') ? ['.', '..', ...names] : f.has('A') ? names : names.filter((n) => !n.startsWith('.'));
      const entries = visible.map((name): Entry => {
        const path = name === '.' ? dir.path : name === '..' ? absolute(ctx, `${dir.name}/..`) : `${dir.path === '/' ? '' : dir.path}/${name}`;
        return { name, path, node: nodeAt(path, ctx.session)! };
      });
      let text = several ? `${dir.name}:\n` : '';
      if (long) text += `total ${entries.reduce((sum, e) => sum + (e.node.kind === 'directory' ? 4 : blocks(size(ctx, e))), 0)}\n`;
      text += show(entries).map((l) => `${l}\n`).join('');
      blocksOut.push(text);
    }
    ctx.stdout.write(blocksOut.join('\n'));
    return status;
  },
};

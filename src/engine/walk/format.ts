// The walk as the CLI prints it: a table of hops (kubectl-style columns), then why each hop
// happened and the command that shows it.
import type { Walk } from './walk.ts';

export function walkTable(walk: Walk): string {
  // Each row holds the addresses after its hop; the row above holds them as the hop received them.
  const header = ['STEP', 'AT', 'SOURCE', 'DESTINATION', 'CHANGE'];
  const rows = walk.hops.map((h) => [String(h.step), h.at, h.src, h.dst, h.change]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('   ');
  const notes = walk.hops.map((h) => `${h.step}. ${h.why}\n   $ ${h.proof}`);
  const stop = walk.stopped ? [`The packet stops at step ${walk.stopped.step}: ${walk.stopped.why}`] : [];
  return [`${walk.flow}: ${walk.title}`, '', line(header), ...rows.map(line), '', ...notes, ...(stop.length ? ['', ...stop] : []), ''].join('\n');
}

import type { Command } from '../types.ts';
import { cat } from './cat.ts';
import { cut } from './cut.ts';
import { ls } from './ls.ts';
import { tr } from './tr.ts';
import { awk } from './awk/index.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { sort, uniq } from './sort-uniq.ts';
import { wc } from './wc.ts';
import { seq } from './seq.ts';
import { tac } from './tac.ts';
import { rev } from './rev.ts';
import { basename, dirname } from './basename-dirname.ts';

export const textCommands: Command[] = [cut, grep, head, tail, wc, sort, uniq, cat, ls, tr, awk, seq, tac, rev, basename, dirname];

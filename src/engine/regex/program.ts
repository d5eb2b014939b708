// A pattern's tree compiled to a Thompson automaton: a program of instructions that the Pike VM
// (pike.ts) runs thread by thread and the lazy DFA (dfa.ts) runs state by state.
import type { AssertKind, CharTest, Node } from './ast.ts';
import { MAX_PROGRAM, RegexTooBigError } from './limits.ts';

export const CHAR = 0;
export const SPLIT = 1;
export const JMP = 2;
export const SAVE = 3;
export const ASSERT = 4;
export const MATCH = 5;

/**
 * What one step over a program of `size` instructions counts as: threads of a big program reach
 * memory far apart and each step costs more (a program of 65,536 instructions counts a step
 * twice, one of 131,072 three times).
 */
export function stepWeight(size: number): number {
  return 1 + size / 65536;
}

export interface Program {
  op: number[];
  x: number[];
  y: number[];
  tests: Array<CharTest | undefined>;
  asserts: Array<{ kind: AssertKind; word: CharTest } | undefined>;
  slots: number;
}

export class Compiler {
  readonly p: Program;
  private readonly captures: boolean;

  constructor(slots: number, captures: boolean) {
    this.p = { op: [], x: [], y: [], tests: [], asserts: [], slots };
    this.captures = captures;
  }

  private emit(op: number, x = -1, y = -1): number {
    if (this.p.op.length >= MAX_PROGRAM) throw new RegexTooBigError();
    this.p.op.push(op);
    this.p.x.push(x);
    this.p.y.push(y);
    this.p.tests.push(undefined);
    this.p.asserts.push(undefined);
    return this.p.op.length - 1;
  }

  private get next(): number {
    return this.p.op.length;
  }

  compile(node: Node): void {
    switch (node.type) {
      case 'empty':
        return;
      case 'char': {
        const pc = this.emit(CHAR);
        this.p.tests[pc] = node.test;
        this.p.x[pc] = pc + 1;
        return;
      }
      case 'seq':
        for (const item of node.items) this.compile(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split = this.emit(SPLIT);
            this.p.x[split] = this.next;
            this.compile(option);
            jumps.push(this.emit(JMP));
            this.p.y[split] = this.next;
          } else this.compile(option);
        });
        for (const j of jumps) this.p.x[j] = this.next;
        return;
      }
      case 'group': {
        const save = this.captures && node.index !== null;
        if (save) this.p.x[this.emit(SAVE, -1, node.index! * 2)] = this.next;
        this.compile(node.node);
        if (save) this.p.x[this.emit(SAVE, -1, node.index! * 2 + 1)] = this.next;
        return;
      }
      case 'assert': {
        const pc = this.emit(ASSERT);
        this.p.asserts[pc] = { kind: node.kind, word: node.word };
        this.p.x[pc] = pc + 1;
        return;
      }
      case 'repeat':
        return this.repeat(node.node, node.min, node.max, node.greedy);
      default:
        throw new Error(`${node.type} needs the backtracking matcher`);
    }
  }

  /** A split whose preferred branch is the body when greedy, the way out when lazy. */
  private split(greedy: boolean, body: number, out: number, at: number): void {
    this.p.x[at] = greedy ? body : out;
    this.p.y[at] = greedy ? out : body;
  }

  private repeat(body: Node, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.compile(body);
    if (max === Infinity) {
      const loop = this.emit(SPLIT);
      this.compile(body);
      this.p.x[this.emit(JMP)] = loop;
      this.split(greedy, loop + 1, this.next, loop);
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      splits.push(this.emit(SPLIT));
      this.compile(body);
    }
    for (const s of splits) this.split(greedy, s + 1, this.next, s);
  }
}


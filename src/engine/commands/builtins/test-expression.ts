// bash's `test` expression (test.c's algorithm): POSIX's rules by argument count (0 to 4), then
// a recursive descent over `!`, `-a`, `-o` and parentheses; string and integer comparisons; the
// unary file tests answered from the lab's read-only tree (fs/tree.ts). `test`, `[` and the
// shell's `[[ ]]` share it; the error texts are bash's, without the `bash: test: ` prefix that
// the caller adds.
import type { SessionState } from '../types.ts';
import { nodeAt, resolvePath, READER_HOME } from '../fs/tree.ts';

export interface TestResult {
  /** 0 true, 1 false, 2 a syntax or operand error. */
  status: 0 | 1 | 2;
  /** The error, as bash words it after `bash: test: ` (or `bash: [: `). */
  error?: string;
}

class TestError extends Error {}

const UNARY = new Set('abcdefghknoprstuvwxzGLOSN'.split('').map((c) => `-${c}`));
const BINARY = new Set(['=', '==', '!=', '<', '>', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** The shell options `test -o` knows to be on in the lab's non-interactive bash. */
const OPTIONS_ON = new Set(['braceexpand', 'hashall', 'interactive-comments']);
const OPTIONS_OFF = new Set([
  'allexport', 'emacs', 'errexit', 'errtrace', 'functrace', 'histexpand', 'history', 'ignoreeof', 'keyword', 'monitor',
  'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged',
  'verbose', 'vi', 'xtrace',
]);

/** bash's legal_number: optional blanks, an optional sign, decimal digits, optional blanks, within 64 bits. */
function integer(text: string): bigint {
  const m = /^[ \t\n]*([+-]?[0-9]+)[ \t\n]*$/.exec(text);
  if (m) {
    const value = BigInt(m[1]);
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return value;
  }
  throw new TestError(`${text}: integer expression expected`);
}

/** Byte order of two strings (strcmp on their UTF-8). */
function compareBytes(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

class Evaluator {
  private pos = 0;
  private readonly argv: string[];
  private readonly session: SessionState;
  private readonly bracket: boolean;

  constructor(argv: string[], session: SessionState, bracket: boolean) {
    this.argv = argv;
    this.session = session;
    this.bracket = bracket;
  }

  private node(path: string) {
    if (path === '') return undefined;
    return nodeAt(resolvePath(this.session.vars.get('PWD') ?? READER_HOME, path), this.session);
  }

  private unaryTest(op: string, arg: string): boolean {
    const node = this.node(arg);
    switch (op) {
      case '-a': case '-e': return node !== undefined;
      case '-f': return node?.kind === 'file' && node.mode.startsWith('-');
      case '-d': return node?.kind === 'directory';
      case '-c': return node?.mode.startsWith('c') ?? false;
      case '-r': return node !== undefined;
      // The tree is mounted read-only: only the character devices take writes.
      case '-w': return node?.mode.startsWith('c') ?? false;
      case '-x': return node?.kind === 'directory';
      case '-s': return node !== undefined && (node.kind === 'directory' || node.text({ world: this.session.world }).length > 0);
      case '-O': case '-G': return node?.owner === 'reader';
      case '-k': return node?.mode.endsWith('t') ?? false;
      case '-b': case '-p': case '-S': case '-h': case '-L': case '-u': case '-g': case '-N': return false;
      // The lab's commands never write to a terminal they could test.
      case '-t': return false;
      case '-n': return arg !== '';
      case '-z': return arg === '';
      case '-o': return OPTIONS_ON.has(arg) && !OPTIONS_OFF.has(arg);
      case '-v': return this.session.vars.get(arg) !== undefined;
      default: return false;
    }
  }

  private binaryTest(op: string, left: string, right: string): boolean {
    switch (op) {
      case '=': case '==': return left === right;
      case '!=': return left !== right;
      case '<': return compareBytes(left, right) < 0;
      case '>': return compareBytes(left, right) > 0;
      // Every file of the tree has the same time: only existence decides.
      case '-nt': return this.node(left) !== undefined && this.node(right) === undefined;
      case '-ot': return this.node(left) === undefined && this.node(right) !== undefined;
      case '-ef': return this.node(left) !== undefined && this.node(left) === this.node(right);
    }
    const l = integer(left);
    const r = integer(right);
    switch (op) {
      case '-eq': return l === r;
      case '-ne': return l !== r;
      case '-lt': return l < r;
      case '-le': return l <= r;
      case '-gt': return l > r;
      default: return l >= r;
    }
  }

  private get argc() {
    return this.argv.length;
  }

  private beyond(): never {
    throw new TestError('argument expected');
  }

  private advance(check: boolean): void {
    this.pos++;
    if (check && this.pos >= this.argc) this.beyond();
  }

  private unaryOperator(): boolean {
    const op = this.argv[this.pos];
    if (op === '-t') {
      this.advance(false);
      if (this.pos < this.argc) {
        if (!/^[ \t\n]*[+-]?[0-9]+[ \t\n]*$/.test(this.argv[this.pos])) return false;
        this.advance(false);
      }
      return false;
    }
    this.advance(true);
    this.pos++;
    return this.unaryTest(op, this.argv[this.pos - 1]);
  }

  private binaryOperator(): boolean {
    const value = this.binaryTest(this.argv[this.pos + 1], this.argv[this.pos], this.argv[this.pos + 2]);
    this.pos += 3;
    return value;
  }

  private expr(): boolean {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  private or(): boolean {
    const value = this.and();
    if (this.pos < this.argc && this.argv[this.pos] === '-o') {
      this.advance(false);
      const right = this.or();
      return value || right;
    }
    return value;
  }

  private and(): boolean {
    const value = this.term();
    if (this.pos < this.argc && this.argv[this.pos] === '-a') {
      this.advance(false);
      const right = this.and();
      return value && right;
    }
    return value;
  }

  private term(): boolean {
    if (this.pos >= this.argc) this.beyond();
    if (this.argv[this.pos] === '!') {
      let negate = false;
      while (this.pos < this.argc && this.argv[this.pos] === '!') {
        this.advance(true);
        negate = !negate;
      }
      return negate ? !this.term() : this.term();
    }
    if (this.argv[this.pos] === '(') {
      this.advance(true);
      const value = this.expr();
      // `[`'s closing bracket is still there after its operands: bash reports finding it.
      if (this.pos >= this.argc) throw new TestError(this.bracket ? "`)' expected, found ]" : "`)' expected");
      if (this.argv[this.pos] !== ')') throw new TestError(`\`)' expected, found ${this.argv[this.pos]}`);
      this.advance(false);
      return value;
    }
    if (this.pos + 3 <= this.argc && BINARY.has(this.argv[this.pos + 1])) return this.binaryOperator();
    const word = this.argv[this.pos];
    if (this.pos + 2 <= this.argc && UNARY.has(word)) return this.unaryOperator();
    this.advance(false);
    return word !== '';
  }

  private twoArguments(): boolean {
    const first = this.argv[this.pos];
    if (first === '!') return this.argv[this.pos + 1] === '';
    if (first.length === 2 && first[0] === '-' && UNARY.has(first)) return this.unaryOperator();
    throw new TestError(`${first}: unary operator expected`);
  }

  private threeArguments(): boolean {
    const [a, op, b] = this.argv.slice(this.pos, this.pos + 3);
    let value: boolean;
    if (BINARY.has(op)) {
      value = this.binaryOperator();
    } else if (op === '-a' || op === '-o') {
      value = op === '-a' ? a !== '' && b !== '' : a !== '' || b !== '';
    } else if (a === '!') {
      this.advance(true);
      value = !this.twoArguments();
    } else if (a === '(' && b === ')') {
      value = op !== '';
    } else {
      throw new TestError(`${op}: binary operator expected`);
    }
    this.pos = this.argc;
    return value;
  }

  evaluate(): boolean {
    switch (this.argc) {
      case 0:
        return false;
      case 1:
        this.pos = 1;
        return this.argv[0] !== '';
      case 2: {
        const value = this.twoArguments();
        this.pos = this.argc;
        return value;
      }
      case 3:
        return this.threeArguments();
      case 4:
        if (this.argv[0] === '!') {
          this.advance(true);
          return !this.threeArguments();
        }
        if (this.argv[0] === '(' && this.argv[3] === ')') {
          this.advance(true);
          const value = this.twoArguments();
          this.pos = this.argc;
          return value;
        }
        return this.expr();
      default:
        return this.expr();
    }
  }

  /** What is left over once the expression ended, in bash's words; undefined when nothing is. */
  get leftover(): string | undefined {
    if (this.pos >= this.argc) return undefined;
    const next = this.argv[this.pos];
    return next.startsWith('-') ? `syntax error: \`${next}' unexpected` : 'too many arguments';
  }
}

/** Evaluates `test`'s operands (for `[`, without the closing `]`, and `bracket` set). */
export function evaluateTest(args: string[], session: SessionState, bracket = false): TestResult {
  try {
    const evaluator = new Evaluator(args, session, bracket);
    const value = evaluator.evaluate();
    const leftover = evaluator.leftover;
    if (leftover) return { status: 2, error: leftover };
    return { status: value ? 0 : 1 };
  } catch (error) {
    if (error instanceof TestError) return { status: 2, error: error.message };
    throw error;
  }
}

// awk as gawk 5.2 runs the one-liners readers paste: fields and separators, patterns, arrays,
// gawk's syntax-error caret and fatal errors, and a loop that never ends stopped with a message.
import { describe, expect, it } from 'vitest';
import { awk } from '../../src/engine/commands/text/awk/index.ts';
import { MAX_STEPS } from '../../src/engine/commands/text/awk/interpreter.ts';
import { runCommand } from './run-command.ts';

const run = (stdin: string, ...args: string[]) => runCommand(awk, ['awk', ...args], stdin);

describe('awk', () => {
  it('prints fields split on blanks, on -F (a character, a string, a regex) and with OFS', async () => {
    expect((await run('a b  c\n', '{print $1, $NF, NF}')).stdout).toBe('a c 3\n');
    expect((await run('a::b\n', '-F::', '{print $2}')).stdout).toBe('b\n');
    expect((await run('a1b22c\n', '-F', '[0-9]+', '{print $3}')).stdout).toBe('c\n');
    expect((await run('a b c\n', '-v', 'OFS=,', '{$1=$1; print}')).stdout).toBe('a,b,c\n');
  });

  it('runs patterns, ranges, arrays and END', async () => {
    expect((await run('x 1\ny 2\nx 3\n', '$2 > 1 {s[$1] += $2} END {print s["x"], s["y"], NR}')).stdout).toBe('3 2 3\n');
    expect((await run('a\nSTART\nb\nEND\nc\n', '/START/,/END/')).stdout).toBe('START\nb\nEND\n');
  });

  it('compares numeric input as numbers and other strings as strings', async () => {
    expect((await run('10 9\n', '{print ($1 > $2), ("10" > "9")}')).stdout).toBe('1 0\n');
  });

  it("answers a syntax error with gawk's line and caret, status 1", async () => {
    expect(await run('', '{print $1}}')).toEqual({
      stdout: '', stderr: 'awk: cmd. line:1: {print $1}}\nawk: cmd. line:1:           ^ syntax error\n', status: 1,
    });
    expect((await run('', '{print $1')).stderr).toBe('awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n');
  });

  it('stops at a fatal error with status 2, saying where in the input', async () => {
    expect(await run('0\n', '{print 1/$1}')).toMatchObject({ stderr: 'awk: cmd. line:1: (FILENAME=- FNR=1) fatal: division by zero attempted\n', status: 2 });
  });

  it('ends an endless loop with a message instead of freezing', async () => {
    const result = await run('', 'BEGIN { while (1) x++ }');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`after ${MAX_STEPS} steps`);
  });

  it('reads a file of the tree and refuses to write one', async () => {
    expect((await run('', '-F:', '$1 == "reader" {print $6}', '/etc/passwd')).stdout).toBe('/home/reader\n');
    expect((await run('a\n', '{print > "out.txt"}')).stderr).toContain("can't redirect to `out.txt' (Read-only file system)");
  });
});

describe("awk's for (k in a) order", () => {
  it("walks string subscripts in gawk's hash-table order, not the order they came in", async () => {
    // gawk 5.2 prints these keys in this order (its sdbm hash over 13 buckets).
    expect((await run('', 'BEGIN { a["apple"]; a["banana"]; a["cherry"]; a["x"]; for (k in a) printf "%s ", k }')).stdout).toBe('x apple banana cherry ');
  });

  it('walks whole-number subscripts in ascending order, after the others', async () => {
    expect((await run('', 'BEGIN { a[5]; a[3]; a[100]; a["x"]; a[2]; for (k in a) printf "%s ", k }')).stdout).toBe('x 2 3 5 100 ');
  });
});

describe('awk functions and arguments', () => {
  it('lets a function fill an array passed by a name not used before', async () => {
    expect((await run('', 'function f(a) { a["k"] = 1 } BEGIN { f(arr); print arr["k"] }')).stdout).toBe('1\n');
  });

  it('truncates substr\'s fractional start and length, as gawk does', async () => {
    expect((await run('', 'BEGIN { print substr("hello", 1.5, 1.5), substr("hello", 2.9, 2) }')).stdout).toBe('h el\n');
  });

  it('splits on a regex literal of one space as a regex, not as the default blanks', async () => {
    expect((await run('', 'BEGIN { print split("a  b", p, / /) }')).stdout).toBe('3\n');
  });
});

describe('awk options', () => {
  it("says which of gawk's options the lab does not run, in awk's voice", async () => {
    const result = await run('', '-M', 'BEGIN { print 1 }');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^awk: option -M is not available in this lab/);
  });

  it('takes the program from -e and long options as gawk does', async () => {
    expect((await run('a:b\n', '--field-separator=:', '-e', '{print $2}')).stdout).toBe('b\n');
  });
});

describe('awk within the lab\'s bounds', () => {
  it('stops a string that outgrows what the lab holds, instead of exhausting the page', async () => {
    await expect(run('', 'BEGIN { s = "x"; while (1) s = s s }')).rejects.toThrow(/at most \d+ characters/);
  });

  it('ends with a fatal error, not a crash, on a pattern too big for the lab', async () => {
    expect(await run('aaa\n', '/a{1000}{1000}/')).toMatchObject({ status: 2, stderr: expect.stringContaining('fatal: the lab cannot run /a{1000}{1000}/') });
  });
});

describe("awk's checks of the program and its run", () => {
  it('refuses a built-in called with too few or too many arguments, its caret on the closing parenthesis', async () => {
    expect(await run('', 'BEGIN{print substr("abc")}')).toEqual({
      stdout: '', stderr: 'awk: cmd. line:1: BEGIN{print substr("abc")}\nawk: cmd. line:1:                         ^ 1 is invalid as number of arguments for substr\n', status: 1,
    });
    expect((await run('', 'BEGIN{print length("a", "b")}')).stderr).toContain('2 is invalid as number of arguments for length');
    expect(await run('', 'BEGIN{print and(1)}')).toMatchObject({ stderr: 'awk: cmd. line:1: fatal: and: called with less than two arguments\n', status: 2 });
    expect((await run('', 'BEGIN{print and(7, 3, 1), or(1, 2, 4)}')).stdout).toBe('1 7\n');
  });

  it('splits a record by the FS in force when it was read: a new FS applies from the next record', async () => {
    expect((await run('a,b c\nd,e f\n', '{ FS = "," } { print $1 }')).stdout).toBe('a,b\nd\n');
  });

  it("writes to gawk's special files and stops a printf without arguments when it runs", async () => {
    expect(await run('', 'BEGIN { print "x" >> "/dev/null"; print "e" > "/dev/stderr"; print "o" > "/dev/stdout" }')).toEqual({ stdout: 'o\n', stderr: 'e\n', status: 0 });
    expect(await run('', 'BEGIN { print "x"; printf }')).toEqual({ stdout: 'x\n', stderr: 'awk: cmd. line:1: fatal: printf: no arguments\n', status: 2 });
  });

  it('answers -v without var=value with its form and the usage', async () => {
    const result = await run('', '-v', 'n', 'BEGIN { print n }');
    expect(result.status).toBe(1);
    expect(result.stderr.startsWith("awk: `n' argument to `-v' not in `var=value' form\n\nUsage: awk")).toBe(true);
  });
});

describe("gawk's extensions the lab's awk runs", () => {
  it('runs BEGINFILE and ENDFILE around each input and names standard input `-`', async () => {
    expect((await run('a\nb\n', 'BEGINFILE { print "open", FILENAME, ARGIND } ENDFILE { print "close", FNR }')).stdout).toBe('open - 0\nclose 2\n');
  });

  it('chooses a switch case by value or regex, falling through until a break', async () => {
    expect((await run('', 'BEGIN { switch (5) { case 1: print "one"; case 5: print "five"; case /5/: print "re"; break; default: print "def" } }')).stdout).toBe('five\nre\n');
  });

  it('matches and compares ignoring case while IGNORECASE is set', async () => {
    expect((await run('', 'BEGIN { IGNORECASE = 1; print ("ABC" ~ /b/), ("a" == "A"), index("ABC", "b") }')).stdout).toBe('1 1 2\n');
  });

  it('sorts with asort (numbers before strings) and asorti, and walks arrays in PROCINFO["sorted_in"] order', async () => {
    expect((await run('', 'BEGIN { a[1] = "b"; a[2] = 10; a[3] = "a"; a[4] = 9; n = asort(a); for (i = 1; i <= n; i++) printf "%s ", a[i] }')).stdout).toBe('9 10 a b ');
    expect((await run('', 'BEGIN { a["z"]; a["b"]; a[10]; n = asorti(a, d); for (i = 1; i <= n; i++) printf "%s ", d[i] }')).stdout).toBe('10 b z ');
    expect((await run('b\na\nb\n', '{ n[$1]++ } END { PROCINFO["sorted_in"] = "@val_num_desc"; for (k in n) print k, n[k] }')).stdout).toBe('b 2\na 1\n');
  });

  it('splits fields by FPAT matches and FIELDWIDTHS widths', async () => {
    expect((await run('a,"b,c",d\n', 'BEGIN { FPAT = "([^,]*)|(\\"[^\\"]+\\")" } { print NF, $2 }')).stdout).toBe('3 "b,c"\n');
    expect((await run('abcdefghijkl\n', 'BEGIN { FIELDWIDTHS = "3 2 4" } { print $1 "|" $2 "|" $3 }')).stdout).toBe('abc|de|fghi\n');
  });

  it('reads octal and hex constants and \\x escapes in the program, positional printf arguments and CONVFMT="%d"', async () => {
    expect((await run('', 'BEGIN { print 017, 0x11, "\\x41\\101" }')).stdout).toBe('15 17 AA\n');
    expect((await run('', 'BEGIN { printf "%2$s %1$s\\n", "a", "b" }')).stdout).toBe('b a\n');
    expect((await run('', 'BEGIN { CONVFMT = "%d"; a[1.5]; for (k in a) print k }')).stdout).toBe('1\n');
  });

  it('ends recursion deeper than the page holds with a message, not an engine error', async () => {
    const result = await run('', 'function f(n) { return n ? f(n - 1) : 0 } BEGIN { print f(100000) }');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^awk: cmd\. line:1: fatal: the lab stops a program \d+ function calls deep\n$/);
  });
});

describe("awk's printf of infinities and NaN", () => {
  it('writes them signed, upper case for %E %F %G, with any numeric conversion', async () => {
    expect((await run('', 'BEGIN { i = -log(0); printf "[%d][%e][%G][%8d]\\n", i, i, i, -i }')).stdout).toBe('[+inf][+inf][+INF][-inf]\n');
  });
});

describe('awk FIELDWIDTHS checked when assigned', () => {
  it("refuses a value gawk cannot read, naming the field and what follows, and a `*' that is not last", async () => {
    expect(await run('', 'BEGIN { FIELDWIDTHS = "2 x 3" }')).toEqual({ stdout: '', stderr: "awk: cmd. line:1: fatal: invalid FIELDWIDTHS value, for field 2, near `x 3'\n", status: 2 });
    expect((await run('', 'BEGIN { FIELDWIDTHS = "1 * 2" }')).stderr).toBe("awk: cmd. line:1: fatal: `*' must be the last designator in FIELDWIDTHS\n");
  });
});

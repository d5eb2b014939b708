// coreutils and grep as the reader's Linux prints them (expected texts recorded from GNU tools).
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';

const run = (line: string) => new Session(emptyWorld()).run(line);

describe('text tools', () => {
  it('cut selects fields and prints lines without the delimiter whole', async () => {
    expect((await run("echo -e 'a/b/c\\nplain' | cut -d/ -f 2-")).stdout).toBe('b/c\nplain\n');
    expect((await run("echo a/b | cut -d/ -f 9")).stdout).toBe('\n');
  });

  it('cut words its errors like GNU cut', async () => {
    expect(await run('echo a | cut -f a')).toMatchObject({ status: 1, stderr: "cut: invalid field value ‘a’\nTry 'cut --help' for more information.\n" });
    expect(await run('echo a | cut')).toMatchObject({ status: 1, stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n" });
    expect(await run('echo a | cut -d ab -f1')).toMatchObject({ status: 1, stderr: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n" });
    expect(await run('echo a | cut -f1 nofile')).toMatchObject({ status: 1, stderr: 'cut: nofile: No such file or directory\n' });
  });

  it('wc prints seven-wide columns for several counts and a bare number for one', async () => {
    expect((await run("echo -e 'a b\\nc' | wc")).stdout).toBe('      2       3       6\n');
    expect((await run("echo -e 'a b\\nc' | wc -l")).stdout).toBe('2\n');
  });

  it('sort | uniq -c counts', async () => {
    expect((await run("echo -e 'b\\na\\nb' | sort | uniq -c")).stdout).toBe('      1 a\n      2 b\n');
    expect((await run("echo -e 'B\\na\\nb\\n_x' | sort")).stdout).toBe('B\n_x\na\nb\n');
  });

  it('head and tail take -n N and +N', async () => {
    expect((await run("echo -e '1\\n2\\n3' | head -n 2")).stdout).toBe('1\n2\n');
    expect((await run("echo -e '1\\n2\\n3' | tail -n +2")).stdout).toBe('2\n3\n');
    expect(await run('echo 1 | head -x')).toMatchObject({ status: 1, stderr: "head: invalid option -- 'x'\nTry 'head --help' for more information.\n" });
  });

  it('grep matches basic and extended patterns and exits 1 on no match', async () => {
    expect((await run("echo -e 'x1\\ny\\nx2' | grep -n x")).stdout).toBe('1:x1\n3:x2\n');
    expect((await run("echo -e 'x1\\ny' | grep -c 'x\\|y'")).stdout).toBe('2\n');
    expect((await run("echo -e 'ab\\nabb' | grep -E 'ab+$' -o")).stdout).toBe('ab\nabb\n');
    expect((await run('echo a | grep b')).status).toBe(1);
  });
});

// az with control characters in a value (a public IP's tag): what az 2.45 prints, recorded with
// az-oracle (tests/conformance/README.md) against the same lab's ARM resources. json escapes as
// Python's json.dumps; tsv is raw; table is python-tabulate 0.8.9 (invisible codes, multiline
// cells, stripped cells); yaml is PyYAML with allow_unicode (escapes, folding at column 80,
// single-quoted line breaks).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { labWithText } from '../helpers/control-lab.ts';

interface Reference {
  note: string;
  line: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const references = JSON.parse(readFileSync(new URL('./control-characters.references.json', import.meta.url), 'utf8')) as Reference[];
const format = (line: string) => /-o (\w+)/.exec(line)![1];

describe('az with control characters in a tag value', () => {
  it('has references for json, tsv, table and yaml', () => {
    expect(new Set(references.map((r) => format(r.line)))).toEqual(new Set(['json', 'tsv', 'table', 'yaml']));
  });

  it.each(references.map((r) => [`${JSON.stringify(r.note)}: ${r.line}`, r] as const))('%s', async (_name, r) => {
    const session = new Session(createFixtureWorld(labWithText(r.note)), { tty: false });
    const actual = await session.run(r.line);
    expect({ stdout: actual.stdout, stderr: actual.stderr, exit: actual.status }).toEqual({ stdout: r.stdout, stderr: r.stderr, exit: r.exit });
  });
});

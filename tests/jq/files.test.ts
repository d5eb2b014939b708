// jq reading files of the lab's tree and raw or streamed input prints what Debian trixie's
// jq 1.7.1 printed reading the same files (tests/jq/files-cases.json: file operands, -R, -s,
// --stream, --rawfile, --slurpfile, -f, input_filename; the files are ones the lab's tree holds
// with the text of the machine that recorded them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, jq, type JqReference } from './run-jq.ts';

const references: JqReference[] = JSON.parse(readFileSync(new URL('./files-references.json', import.meta.url), 'utf8'));

describe('jq reads files and raw input as jq 1.7.1 does', () => {
  for (const ref of references) {
    it(caseName(ref), async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});

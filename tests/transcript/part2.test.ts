// The whole part 2 transcript as one session on the aro2 lab: a golden terminal record, and the
// post's two outdated queries behaving as today's az makes them behave.
import { describe, expect, it } from 'vitest';
import { labSession, part2Lines } from './helpers.ts';
import type { LineResult } from '../../src/engine/session.ts';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

describe('part 2 transcript on aro2', async () => {
  const lines = await part2Lines();
  const session = await labSession('aro2');
  const results: Array<LineResult & { line: string }> = [];
  for (const line of lines) results.push({ line, ...(await session.run(line)) });
  const byLine = (start: string) => results.filter((r) => r.line.startsWith(start));

  it('runs every line of the post successfully', () => {
    for (const r of results) expect({ line: r.line, status: r.status, stderr: r.stderr }).toEqual({ line: r.line, status: 0, stderr: '' });
  });

  it('prints the golden terminal record', async () => {
    const record = results.map((r) => `$ ${r.line}\n${r.chunks.map((c) => c.text).join('')}`).join('');
    await expect(record).toMatchFileSnapshot('./part2.aro2.txt');
  });

  it("prints nothing for the post's camelCase backendIpConfigurations query, as today's az does", () => {
    const [post, corrected] = results.filter((r) => r.line.includes('address-pool list'));
    expect(post.line).toContain('backendIpConfigurations');
    expect(post.stdout).toBe('');
    expect(corrected.stdout.trim().split('\n').length).toBeGreaterThan(0);
    expect(corrected.stdout).toMatch(/-nic\n/);
  });

  it("prints None for the post's publicIpAddress.id query, and the ids for the corrected one", () => {
    const [post, corrected] = results.filter((r) => r.line.includes('frontend-ip list'));
    const postRows = post.stdout.trim().split('\n').map((row) => row.split('\t'));
    expect(postRows.map((row) => row[1])).toEqual(postRows.map(() => 'None'));
    const rows = corrected.stdout.trim().split('\n').map((row) => row.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(postRows.map((row) => row[0]));
    for (const row of rows) expect(row[1]).toMatch(/\/providers\/Microsoft\.Network\/publicIPAddresses\//);
  });

  it('fills in every address the post stripped', () => {
    const ip = JSON.parse(byLine('curl "http')[0].stdout);
    for (const key of ['my_private_ip', 'my_public_ip', 'sql_server_ip', 'your_address']) expect(ip[key]).toMatch(IPV4);
    expect(ip['x-forwarded-for']).toMatch(/^\['\d+\.\d+\.\d+\.\d+'\]$/);
    const pods = byLine('kubectl get pod -o wide')[0].stdout.trim().split('\n').slice(1);
    for (const row of pods) expect(row.split(/\s{3,}/)[5]).toMatch(IPV4);
  });
});

// curl's limits in live mode: -m bounds the whole exchange (the name's lookup, the connection, the
// headers and every byte of the body), the body is read up to live mode's size limit, and an
// answer cut short ends as curl ends it. What came before the end is printed, as curl streams it.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { MAX_BODY } from '../../src/node/live/network.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { startFakeApp, startFakeDns } from '../helpers/fake-network.ts';

describe('curl limits in live mode', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const route = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  // 40 bytes, one every 500 ms: 20 s for the whole body.
  const app = await startFakeApp(lab, {
    '/slow': { kind: 'trickle', bytes: 40, everyMs: 500 },
    '/slow-chunked': { kind: 'trickle', bytes: 40, everyMs: 500, chunked: true },
    '/huge': { kind: 'bulk', bytes: MAX_BODY + 1024, announce: MAX_BODY + 1024 },
    '/huge-chunked': { kind: 'bulk', bytes: MAX_BODY + 1024 },
    '/cut': { kind: 'bulk', bytes: 3, announce: 40 },
    '/cut-chunked': { kind: 'bulk', bytes: 3 },
  });
  const silentDns = await startFakeDns(lab, { [route]: 'silent' });
  afterAll(() => Promise.all([fake.close(), app.close(), silentDns.close()]));
  const session = async (extra: Record<string, string> = {}) => new Session(await liveWorldOn(fake, lab, { ARO_LABS_RESOLVE: `${route}:80:127.0.0.1:${app.port}`, ARO_LABS_TIMEOUT: '30', ...extra }));

  it('-m is a limit on the whole exchange: a server that keeps sending is cut at the limit, with what came printed', async () => {
    const s = await session();
    const result = await s.run(`curl -sS -m 2 -w '[%{http_code} %{size_download} %{exitcode}]' http://${route}/slow`);
    const m = /^curl: \(28\) Operation timed out after 2001 milliseconds with (\d+) out of 40 bytes received\n$/.exec(result.stderr);
    expect(m, result.stderr).not.toBeNull();
    const got = Number(m![1]);
    // Two seconds at two bytes a second; far from the 40 the whole body would have taken 20 s for.
    expect(got).toBeLessThan(20);
    expect(result).toMatchObject({ status: 28, stdout: `${'x'.repeat(got)}[200 ${got} 28]` });
  }, 30_000);

  it('-m over a body of unknown length says how many bytes came', async () => {
    const s = await session();
    const result = await s.run(`curl -sS -i -m 1.5 http://${route}/slow-chunked`);
    const m = /^curl: \(28\) Operation timed out after 1501 milliseconds with (\d+) bytes received\n$/.exec(result.stderr);
    expect(m, result.stderr).not.toBeNull();
    expect(result.stdout).toBe(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n${'x'.repeat(Number(m![1]))}`);
  }, 30_000);

  it('-m covers the name lookup: a DNS server that never answers ends at the limit', async () => {
    const s = await session({ ARO_LABS_RESOLVE: '', ARO_LABS_DNS: `127.0.0.1#${silentDns.port}` });
    expect(await s.run(`curl -sS -m 1 http://${route}/api/ip`)).toMatchObject({ status: 28, stdout: '', stderr: 'curl: (28) Resolving timed out after 1001 milliseconds\n' });
  }, 30_000);

  it('a body past live mode\'s size limit ends as curl --max-filesize ends it: announced, nothing is read; streamed, the limit is kept', async () => {
    const s = await session();
    expect(await s.run(`curl -sS -w '[%{http_code} %{size_download}]' http://${route}/huge`)).toMatchObject({ status: 63, stdout: '[200 0]', stderr: 'curl: (63) Maximum file size exceeded\n' });
    const streamed = await s.run(`curl -sS http://${route}/huge-chunked | wc -c`);
    expect(streamed).toMatchObject({ stdout: `${MAX_BODY}\n`, stderr: 'curl: (63) Maximum file size exceeded\n' });
  });

  it('an answer the server cuts short ends with curl\'s exit 18, what came printed', async () => {
    const s = await session();
    expect(await s.run(`curl -sS http://${route}/cut`)).toMatchObject({ status: 18, stdout: 'xxx', stderr: 'curl: (18) transfer closed with 37 bytes remaining to read\n' });
    expect(await s.run(`curl -sS http://${route}/cut-chunked`)).toMatchObject({ status: 18, stdout: 'xxx', stderr: 'curl: (18) transfer closed with outstanding read data remaining\n' });
  });
});

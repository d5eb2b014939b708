// curl's options beyond one URL and its body, on every built-in lab: several URLs in one run, -D,
// -A/-e/-H in curl's header order, --fail-with-body, --resolve, errormsg after a failure, and files
// the lab's read-only file system cannot take. Hosts and addresses are read from the lab.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { loadLab } from '../../src/node/labs.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

describe.each(builtInLabs())('curl options on %s', (name) => {
  const lab = builtInLab(name);
  const model = new WorldModel(lab);
  const host = (model.routes().find((r) => r.metadata.namespace === lab.info.session.namespace)!.spec as { host: string }).host;
  const app = `http://${host}`;
  const session = () => new Session(createFixtureWorld(lab));

  it('runs several URLs one after the other, binds each -o to its URL in order, and ends with the last one\'s result', async () => {
    const s = session();
    const health = (await s.run(`curl -s ${app}/api/healthcheck`)).stdout;
    expect(health).not.toBe('');
    const both = await s.run(`curl -s -w '%{http_code}\\n' -o /dev/null ${app}/api/healthcheck ${app}/api/healthcheck`);
    expect(both.stdout).toBe(`200\n${health}200\n`);
    expect((await s.run(`curl -s ${app}/api/healthcheck http://nope.invalid/`)).status).toBe(6);
    expect(await s.run(`curl -s http://nope.invalid/ ${app}/api/healthcheck`)).toMatchObject({ status: 0, stdout: health });
  });

  it("writes -w's errormsg and exitcode after a failure, and nothing in errormsg after a success", async () => {
    const s = session();
    expect((await s.run("curl -s -w '%{http_code} %{exitcode} %{errormsg}' http://nope.invalid/")).stdout).toBe('000 6 Could not resolve host: nope.invalid');
    expect((await s.run(`curl -s -o /dev/null -w '[%{errormsg}]' ${app}/api/healthcheck`)).stdout).toBe('[]');
    expect((await s.run(`curl -s -f -o /dev/null -w '%{errormsg}' ${app}/nothing-here`)).stdout).toBe('The requested URL returned error: 404');
  });

  it("reads -w left to right: %{onerror} ends it on success, %{stderr} moves the rest, %header{} and %% as curl has them", async () => {
    const s = session();
    expect((await s.run("curl -s -w 'x%{onerror}failed: %{errormsg}' http://nope.invalid/")).stdout).toBe('xfailed: Could not resolve host: nope.invalid');
    expect((await s.run(`curl -s -o /dev/null -w 'x%{onerror}failed' ${app}/api/healthcheck`)).stdout).toBe('x');
    expect(await s.run(`curl -s -o /dev/null -w 'out %{stderr}err %{http_code}%{stdout} back' ${app}/api/healthcheck`)).toMatchObject({ stdout: 'out  back', stderr: 'err 200' });
    const type = (await s.run(`curl -s -o /dev/null -w '%{content_type}' ${app}/api/healthcheck`)).stdout;
    expect((await s.run(`curl -s -o /dev/null -w '%header{CONTENT-type}|%header{nope}|100%%' ${app}/api/healthcheck`)).stdout).toBe(`${type}||100%`);
    expect((await s.run(`curl -s -w '%{urlnum} %{filename_effective}\\n' -o /dev/null ${app}/api/healthcheck -o /dev/null ${app}/api/ip`)).stdout).toBe('0 /dev/null\n1 /dev/null\n');
  });

  it('dumps the headers with -D - before the body, even when -o sends the body away', async () => {
    const s = session();
    const head = (await s.run(`curl -sI ${app}/api/healthcheck`)).stdout.replace(/Content-Length: \d+/, '');
    const dumped = (await s.run(`curl -s -D - -o /dev/null ${app}/api/healthcheck`)).stdout;
    expect(dumped.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(dumped.endsWith('\r\n\r\n')).toBe(true);
    expect(dumped.replace(/Content-Length: \d+/, '')).toBe(head);
  });

  it('sends -A and -e in the places of curl\'s own headers, and -H headers after them, replacing curl\'s of the same name', async () => {
    const s = session();
    const sent = (line: string) => s.run(line).then((r) => r.stderr.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.replace(/\r$/, '')));
    expect(await sent(`curl -sv -o /dev/null -A agent/1 -e http://ref.example/ ${app}/api/healthcheck`)).toEqual(['> GET /api/healthcheck HTTP/1.1', `> Host: ${host}`, '> User-Agent: agent/1', '> Accept: */*', '> Referer: http://ref.example/', '> ']);
    expect(await sent(`curl -sv -o /dev/null -H 'Accept: application/json' -H 'X-Demo: 1' ${app}/api/healthcheck`)).toEqual(['> GET /api/healthcheck HTTP/1.1', `> Host: ${host}`, '> User-Agent: curl/7.88.1', '> Accept: application/json', '> X-Demo: 1', '> ']);
    // "Name:" only takes curl's own away, "Name;" sends it empty, and a value goes as written.
    expect(await sent(`curl -sv -o /dev/null -H 'Accept:' -H 'X-Empty;' -H 'X-Spaced:  a b ' ${app}/api/healthcheck`)).toEqual(['> GET /api/healthcheck HTTP/1.1', `> Host: ${host}`, '> User-Agent: curl/7.88.1', '> X-Empty:', '> X-Spaced:  a b ', '> ']);
  });

  it('writes the error body with --fail-with-body, and exits 22 as -f does', async () => {
    const s = session();
    const body = (await s.run(`curl -s ${app}/nothing-here`)).stdout;
    expect(body).not.toBe('');
    expect(await s.run(`curl -s --fail-with-body ${app}/nothing-here`)).toMatchObject({ status: 22, stdout: body });
    expect(await s.run(`curl -s -f ${app}/nothing-here`)).toMatchObject({ status: 22, stdout: '' });
  });

  it('connects a --resolve name to the address given instead of looking it up', async () => {
    const s = session();
    const [ip] = model.publicResolve(host);
    const pinned = await s.run(`curl -sv -o /dev/null -w '%{remote_ip} %{http_code}' --resolve other.invalid:80:${ip} http://other.invalid/`);
    // The router answers for a host it has no route for.
    expect(pinned.stdout).toBe(`${ip} 503`);
    expect(pinned.stderr.startsWith(`* Added other.invalid:80:${ip} to DNS cache\n* Hostname other.invalid was found in DNS cache\n*   Trying ${ip}:80...\n`)).toBe(true);
  });

  it("tells an option curl knows but this terminal lacks from one curl does not know, in curl's words", async () => {
    const s = session();
    expect(await s.run(`curl -x proxy.example:3128 ${app}/`)).toMatchObject({ status: 2, stderr: "curl: option -x: is not available in this lab terminal (curl --help lists what is)\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
    // The help lists every option the lab's curl takes, in curl's own lines.
    const help = await s.run('curl --help');
    expect(help.status).toBe(0);
    for (const option of [' -s, --silent ', ' -w, --write-out <format> ', '     --resolve ', ' -D, --dump-header ']) expect(help.stdout).toContain(option);
    expect(help.stdout).not.toContain('--proxy');
    expect((await s.run('curl --proxy')).stderr).toBe("curl: option --proxy: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await s.run(`curl --no-such-option ${app}/`)).stderr).toBe("curl: option --no-such-option: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });

  it('writes the headers -i asked for before failing with -f, and each header line twice with -D - and -i', async () => {
    const s = session();
    const head = (await s.run(`curl -sI ${app}/nothing-here`)).stdout;
    expect(await s.run(`curl -s -f -i ${app}/nothing-here`)).toMatchObject({ status: 22, stdout: head });
    const twice = (await s.run(`curl -s -D - -I ${app}/nothing-here`)).stdout;
    expect(twice).toBe(head.split(/(?<=\r\n)/).map((l) => l + l).join(''));
  });

  it('takes a dotted number past 255 for a host name no DNS holds, and writes -w after a URL it cannot use', async () => {
    const s = session();
    expect(await s.run("curl -sS -w '%{http_code} %{exitcode} %{errormsg}' http://256.1.1.1/")).toMatchObject({ status: 6, stdout: '000 6 Could not resolve host: 256.1.1.1', stderr: 'curl: (6) Could not resolve host: 256.1.1.1\n' });
    expect((await s.run("curl -s -w '%{exitcode} %{errormsg}' http://")).stdout).toBe('3 URL using bad/illegal format or missing URL');
  });

  it("reports OpenSSL's verdict on the router's default certificate: 19 with -k or when refusing it, 0 over plain http", async () => {
    const s = session();
    const https = `https://${host}/api/healthcheck`;
    expect((await s.run(`curl -s -k -o /dev/null -w '%{http_code} %{ssl_verify_result}' ${https}`)).stdout).toBe('200 19');
    expect(await s.run(`curl -s -o /dev/null -w '%{exitcode} %{ssl_verify_result} %{errormsg}' ${https}`)).toMatchObject({ status: 60, stdout: '60 19 SSL certificate problem: self-signed certificate in certificate chain' });
    expect((await s.run(`curl -s -o /dev/null -w '%{ssl_verify_result}' ${app}/api/healthcheck`)).stdout).toBe('0');
  });

  it('cannot write -o files on the read-only file system: silent with -s, said with -S, -w still written', async () => {
    const s = session();
    expect(await s.run(`curl -s -o out.json ${app}/api/healthcheck`)).toMatchObject({ status: 23, stderr: '' });
    expect(await s.run(`curl -sS -o out.json -w '%{http_code} %{exitcode}' ${app}/api/healthcheck`)).toMatchObject({ status: 23, stdout: '200 23', stderr: 'curl: (23) Failure writing output to destination\n' });
    expect(await s.run(`curl -sS -O ${app}/api/healthcheck`)).toMatchObject({ status: 23, stderr: 'curl: (23) Failure writing output to destination\n' });
  });
});

describe('curl --connect-timeout where nothing answers (nsg-blocks-web: the NSG drops the packets)', async () => {
  const lab = await loadLab({ name: 'nsg-blocks-web' });
  const model = new WorldModel(lab);
  const host = (model.routes().find((r) => r.metadata.namespace === lab.info.session.namespace)!.spec as { host: string }).host;
  const [ip] = model.publicResolve(host);

  it('gives up on the connection at its limit, in the words curl uses for it, unless -m comes first', async () => {
    const s = new Session(createFixtureWorld(lab));
    const r = await s.run(`curl -sv --connect-timeout 2 -w '%{http_code} %{exitcode} %{time_total}' http://${host}/api/ip`);
    expect(r.status).toBe(28);
    expect(r.stdout).toBe('000 28 2.000000');
    expect(r.stderr).toBe(`*   Trying ${ip}:80...\n* ipv4 connect timeout after 2000ms, move on!\n* Failed to connect to ${host} port 80 after 2000 ms: Timeout was reached\n* Closing connection 0\n`);
    expect((await s.run(`curl -sS -m 1 --connect-timeout 3 http://${host}/api/ip`)).stderr).toBe('curl: (28) Connection timed out after 1001 milliseconds\n');
    // No connection came up and no request went out.
    expect((await s.run(`curl -s --connect-timeout 1 -w '[%{remote_ip}] %{num_connects} %{size_request}' http://${host}/api/ip`)).stdout).toBe('[] 0 0');
  });
});

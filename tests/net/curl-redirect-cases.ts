// curl -L, --max-redirs and their errors: command lines over the aro2 route host, whose answers
// for these paths are scripted redirects (tests/helpers/fake-network.ts) and, after them, the
// lab's router. The real curl's outputs for them are in curl-redirects.references.json
// (record-curl-redirects.ts records them).
import type { Scripted } from '../helpers/fake-network.ts';

export const ROUTE = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

export const SCRIPTS: Record<string, Scripted> = {
  '/r301': { kind: 'redirect', status: 301, location: '/api/healthcheck' },
  '/r302': { kind: 'redirect', status: 302, location: '/api/healthcheck' },
  '/r303': { kind: 'redirect', status: 303, location: '/api/healthcheck' },
  '/r307': { kind: 'redirect', status: 307, location: `http://${ROUTE}/api/ip` },
  '/chain': { kind: 'redirect', location: '/r301' },
  '/loop': { kind: 'redirect', location: '/loop' },
  '/deep/rel': { kind: 'redirect', location: '../api/./healthcheck?x=1' },
  '/spaces': { kind: 'redirect', location: '/api/not here/\u00e9' },
  '/to-404': { kind: 'redirect', location: '/api/nothing-here' },
  '/empty-location': { kind: 'redirect', location: '' },
  '/to-mailto': { kind: 'redirect', location: 'mailto:ops@example.com' },
  '/to-file': { kind: 'redirect', location: 'file:///etc/passwd' },
  '/to-bad-ipv6': { kind: 'redirect', location: 'http://[bad/' },
  '/to-bad-port': { kind: 'redirect', location: `http://${ROUTE}:99999/` },
  '/to-no-host': { kind: 'redirect', location: 'https://' },
  '/to-slashes': { kind: 'redirect', location: `http:////${ROUTE}/` },
};

const W = "'[%{num_redirects} %{url_effective} %{redirect_url} %{http_code} %{exitcode}]\\n'";

export const LINES: string[] = [
  `curl -s http://${ROUTE}/r302`,
  `curl -sL http://${ROUTE}/r302`,
  `curl -si -L http://${ROUTE}/r301`,
  `curl -sI -L http://${ROUTE}/r303`,
  `curl -si --location http://${ROUTE}/r307`,
  `curl -s -L -o /dev/null -w ${W} http://${ROUTE}/chain`,
  `curl -s -o /dev/null -w ${W} http://${ROUTE}/chain`,
  `curl -sS -L http://${ROUTE}/loop`,
  `curl -sSi -L --max-redirs 2 -w ${W} http://${ROUTE}/loop`,
  `curl -sS -L --max-redirs 0 -w ${W} http://${ROUTE}/r302`,
  `curl -sS -L --max-redirs -1 -w ${W} http://${ROUTE}/chain`,
  `curl -sS -L --max-redirs abc http://${ROUTE}/r302`,
  `curl -sS -L --max-redirs -2 http://${ROUTE}/r302`,
  `curl -sS -L --max-redirs`,
  `curl -sS -m abc http://${ROUTE}/r302`,
  `curl -sS -m -1 http://${ROUTE}/r302`,
  `curl -sS --max-time 1,5 http://${ROUTE}/r302`,
  `curl -s -m 0x10 -w ${W} http://${ROUTE}/r302`,
  `curl -s -L -w ${W} http://${ROUTE}/deep/rel`,
  `curl -s -L -o /dev/null -w ${W} http://${ROUTE}/spaces`,
  `curl -sSfL -w ${W} http://${ROUTE}/to-404`,
  `curl -sS -L -w ${W} http://${ROUTE}/empty-location`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-mailto`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-file`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-bad-ipv6`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-bad-port`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-no-host`,
  `curl -sS -L -w ${W} http://${ROUTE}/to-slashes`,
  `curl -s -w ${W} http://${ROUTE}/to-bad-port`,
];

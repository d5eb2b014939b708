// Serves a lab's ARM (and Azure Monitor) on 127.0.0.1 for reference makers that run the real az
// against it: `npx node scripts/serve-lab-arm.ts LAB` prints the port, then answers until killed:
//   GET                 the lab's resources, as the fixture world answers them;
//   POST                the answers of the actions the fixture computes (a NIC's
//                       effectiveRouteTable, a watcher's nextHop);
//   PUT, PATCH, DELETE  writes through the fixture world (World.armWrite), with ARM's rules; the
//                       answer is the operation's final one (az's poller sees it done at once); a
//                       body-less answer (a DELETE's 204) is sent without a body, as ARM sends it;
//   POST /lab/reset     the lab as loaded again, so that each corpus entry starts from it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadLab } from '../src/node/labs.ts';
import { createFixtureWorld } from '../src/engine/sources/fixture/index.ts';
import type { Json, RestResponse } from '../src/engine/world/types.ts';

const world = createFixtureWorld(await loadLab({ name: process.argv[2] }));

async function answer(method: string, path: string, text: string): Promise<RestResponse> {
  const body = (text ? JSON.parse(text) : null) as Json;
  if (method === 'POST' && path === '/lab/reset') {
    world.changes?.reset();
    return { status: 204, body: null };
  }
  if (method === 'POST' && world.armAction) return world.armAction(path, body);
  if ((method === 'PUT' || method === 'PATCH' || method === 'DELETE') && world.armWrite) return world.armWrite({ method, path, body });
  return world.arm(path);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  url.searchParams.delete('api-version');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const result = await answer(req.method ?? 'GET', `${url.pathname}${url.search}`, Buffer.concat(chunks).toString('utf8'));
  if (result.body === null || result.status === 204) {
    res.writeHead(result.status);
    res.end();
    return;
  }
  res.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result.body));
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));

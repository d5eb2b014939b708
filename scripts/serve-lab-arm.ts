// Serves a lab's ARM (and Azure Monitor) on 127.0.0.1 for reference makers that run the real az
// against it: `npx node scripts/serve-lab-arm.ts LAB` prints the port, then answers GETs, and the
// POST actions the fixture computes (a NIC's effectiveRouteTable, a watcher's nextHop), until killed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadLab } from '../src/node/labs.ts';
import { createFixtureWorld } from '../src/engine/sources/fixture/index.ts';
import type { Json } from '../src/engine/world/types.ts';

const world = createFixtureWorld(await loadLab({ name: process.argv[2] }));
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  url.searchParams.delete('api-version');
  const query = url.search;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const answer = req.method === 'POST' && world.armAction
    ? await world.armAction(`${url.pathname}${query}`, (text ? JSON.parse(text) : null) as Json)
    : await world.arm(`${url.pathname}${query}`);
  res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(answer.body));
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));

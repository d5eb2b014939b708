// A lab world changed the way the reader changes it (the REST writes the tools send), and the
// reading commands of a terminal session on it: the sequence tests' common ground.
import { expect } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { Json, LabFile, RestWrite, World } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

export interface LabSession {
  lab: LabFile;
  world: World;
  session: Session;
  /** A line's output; the line must succeed. */
  out(line: string): Promise<string>;
  /** A line's status and output. */
  run(line: string): Promise<{ status: number; stdout: string; stderr: string }>;
  /** A write the platform accepts (2xx), as the tools send it. */
  write(request: RestWrite): Promise<Json>;
  /** The model of the world as it is now. */
  model(): WorldModel;
}

export function labSession(lab: LabFile | string): LabSession {
  const file = typeof lab === 'string' ? builtInLab(lab) : lab;
  const world = createFixtureWorld(file);
  const session = new Session(world);
  const run = async (line: string) => {
    const { status, stdout, stderr } = await session.run(line);
    return { status, stdout, stderr };
  };
  return {
    lab: file,
    world,
    session,
    run,
    async out(line) {
      const r = await run(line);
      expect(r.stderr, line).toBe('');
      expect(r.status, line).toBe(0);
      return r.stdout;
    },
    async write(request) {
      const send = request.path.startsWith('/subscriptions/') ? world.armWrite : world.kubeWrite;
      const response = await send!(request);
      expect(response.status, `${request.method} ${request.path}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${request.method} ${request.path}`).toBeLessThan(300);
      return response.body;
    },
    model: () => new WorldModel(world.changes!.current()),
  };
}

/** The sample app's /api/ip answer through a route's host. */
export async function apiIp(s: LabSession, host: string): Promise<Record<string, string | null>> {
  return JSON.parse(await s.out(`curl -s http://${host}/api/ip`));
}

/** The host of the lab's application route (the first route outside openshift-*). */
export function appHost(lab: LabFile): string {
  const route = new WorldModel(lab).routes().find((r) => !String(r.metadata.namespace).startsWith('openshift-'));
  if (!route?.spec?.host) throw new Error(`${lab.info.name} has no application route`);
  return route.spec.host;
}

/** Words separated by spaces, as jsonpath prints a list: sorted. */
export const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();

// kubectl get events prints the API server's event table (printEvent): a row per event of the
// namespace in storage order, OBJECT as kind/name of the involved object, the wide columns from
// the event's source, count and name. The 2020 cluster holds its app's recent events; today's
// quiet clusters hold none.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

describe.each(builtInLabs())('events on %s', (name) => {
  const lab = builtInLab(name);
  const namespace = lab.info.session.namespace;
  const events = lab.kube.filter((o) => o.kind === 'Event' && o.metadata.namespace === namespace) as Obj[];

  it('holds only events of the last three hours, as the API server keeps them', () => {
    for (const e of lab.kube.filter((o) => o.kind === 'Event') as Obj[]) expect(Date.parse(lab.info.clock) - Date.parse(e.lastTimestamp)).toBeLessThan(3 * 3600_000);
  });

  it('prints a row per event with the object it concerns, or says there are none', async () => {
    const result = await run(lab, 'kubectl get events');
    if (events.length === 0) {
      expect(result).toMatchObject({ stdout: '', stderr: `No resources found in ${namespace} namespace.\n` });
      return;
    }
    const rows = result.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(/\s{3,}/));
    const sorted = [...events].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual(sorted.map((e) => [e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message]));
  });

  it('adds the subobject, source, first seen, count and name with -o wide', async () => {
    if (events.length === 0) {
      expect((await run(lab, 'kubectl get ev -o wide')).stderr).toBe(`No resources found in ${namespace} namespace.\n`);
      return;
    }
    const header = (await run(lab, 'kubectl get ev -o wide')).stdout.split('\n')[0].split(/\s{3,}/);
    expect(header).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']);
  });
});

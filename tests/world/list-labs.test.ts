// `aro-labs labs` lists the labs from their files' own fields without building each world; what
// it lists is what loading each lab in full says of it.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { listLabs, loadLab } from '../../src/node/labs.ts';

describe('the list of labs', () => {
  it('names every built-in lab and scenario with the title and summary its full load gives', async () => {
    const listed = await listLabs();
    expect(listed.map((l) => l.name)).toEqual(expect.arrayContaining(['aro2', 'aro-today', 'router-down']));
    for (const lab of listed) {
      const { info } = await loadLab({ name: lab.name });
      expect(lab).toEqual({ name: info.name, title: info.title, summary: info.summary });
    }
  });
});

describe("the terminal's first prompt", () => {
  // The site shows a built-in lab's namespace before its world file loads, from the namespace the
  // build reads in the lab's own file, or, for a scenario, in its base lab's (astro.config.mjs).
  it("shows each lab's namespace as its full load has it: a scenario keeps its base lab's", async () => {
    for (const lab of await listLabs()) {
      const { info } = await loadLab({ name: lab.name });
      const scenario = existsSync(`labs/scenarios/${lab.name}.json`) ? (JSON.parse(readFileSync(`labs/scenarios/${lab.name}.json`, 'utf8')) as { base: string }) : undefined;
      const own = JSON.parse(readFileSync(`labs/${scenario?.base ?? lab.name}/world.json`, 'utf8')) as { info: { session: { namespace: string } } };
      expect(info.session.namespace, lab.name).toBe(own.info.session.namespace);
    }
  });
});

// `aro-labs labs` lists the labs from their files' own fields without building each world; what
// it lists is what loading each lab in full says of it.
import { describe, expect, it } from 'vitest';
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

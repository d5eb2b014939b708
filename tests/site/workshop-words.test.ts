// Where an exercise's page is and how the instructor's pages name it, what a `?lab=` naming no lab
// says, and the address the handout gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { exercisePage, inPageOrder } from '../../src/site/exercises/catalogue.ts';
import { startAddress } from '../../src/site/workshop/start-address.ts';

describe("an exercise's page", () => {
  it('is the chapter of its file, or the scenario page of a scenario-NAME key', () => {
    expect(exercisePage('05-router')).toEqual({ id: 'chapters/05-router', label: 'Chapter 5' });
    expect(exercisePage('scenario-router-down')).toEqual({ id: 'scenarios/router-down', label: 'Scenario router-down' });
  });

  it('orders exercises as their pages are listed, keeping the order within a page', () => {
    const exercises = [
      { id: 'a1', chapter: '01-welcome' },
      { id: 'f1', chapter: 'scenario-firewall-egress' },
      { id: 'r1', chapter: 'scenario-router-down' },
      { id: 'r2', chapter: 'scenario-router-down' },
    ];
    const pages = ['chapters/01-welcome', 'scenarios/router-down', 'scenarios/firewall-egress'];
    expect(inPageOrder(exercises, pages).map((e) => e.id)).toEqual(['a1', 'r1', 'r2', 'f1']);
  });
});

describe('a ?lab= that names no built-in lab', () => {
  let unknownLabNotice: typeof import('../../src/site/labs/choice.ts').unknownLabNotice;
  beforeAll(async () => {
    // What astro.config.mjs defines for the pages.
    (globalThis as { __ARO_LABS__?: unknown }).__ARO_LABS__ = { worlds: ['aro-today', 'aro2'], scenarios: ['router-down'] };
    ({ unknownLabNotice } = await import('../../src/site/labs/choice.ts'));
  });

  it('says the lab chosen earlier stays, since that is what the badge shows', () => {
    expect(unknownLabNotice('nope', { kind: 'builtin', name: 'aro-today' }, 'aro2')).toBe('There is no built-in lab called "nope" (labs: aro-today, aro2, router-down); pages keep the lab you chose earlier, aro-today.');
    expect(unknownLabNotice('nope', { kind: 'file', name: 'mine', title: 'My cluster' }, 'aro2')).toMatch(/; pages keep the lab file you loaded earlier, mine\.$/);
  });

  it("says the page keeps its own lab only when nothing was chosen, and a scenario page its scenario", () => {
    expect(unknownLabNotice('nope', undefined, 'aro2')).toMatch(/; this page keeps its own lab, aro2\.$/);
    expect(unknownLabNotice('nope', undefined, undefined)).toMatch(/; every page keeps its own lab\.$/);
    expect(unknownLabNotice('nope', { kind: 'builtin', name: 'aro-today' }, 'router-down')).toMatch(/; this page keeps its scenario, router-down\.$/);
  });
});

describe("the handout's start address", () => {
  it('is the origin the page was served from, under the base, with the lab a link can name', () => {
    expect(startAddress('https://labs.example.org', '/aro/', { kind: 'builtin', name: 'aro-today' })).toBe('https://labs.example.org/aro/chapters/01-welcome/?lab=aro-today');
    expect(startAddress('http://10.1.2.3:4321', '/', undefined)).toBe('http://10.1.2.3:4321/chapters/01-welcome/?lab=aro2');
    // A lab file cannot be named in a link: attendees start on the default lab.
    expect(startAddress('http://10.1.2.3:4321', '/', { kind: 'file', name: 'mine', title: 'Mine' })).toBe('http://10.1.2.3:4321/chapters/01-welcome/?lab=aro2');
  });
});

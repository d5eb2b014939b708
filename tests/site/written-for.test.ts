// A reader whose terminal runs a built-in lab the page is not written for gets a notice under the
// terminal's lab name, with a link to the page on each lab it is written for.
import { beforeAll, describe, expect, it } from 'vitest';

let writtenForNotice: typeof import('../../src/site/labs/choice.ts').writtenForNotice;
beforeAll(async () => {
  // What astro.config.mjs defines for the pages.
  (globalThis as { __ARO_LABS__?: unknown }).__ARO_LABS__ = { worlds: ['aro-private', 'aro-today', 'aro2'], scenarios: ['router-down'] };
  ({ writtenForNotice } = await import('../../src/site/labs/choice.ts'));
});

describe('the notice of a page opened on a lab it is not written for', () => {
  it('names the labs the page is written for, each a link to this page on it', () => {
    expect(writtenForNotice('aro-private', ['aro2', 'aro-today'], '/chapters/04-outbound-rule/')).toEqual({
      text: 'This page is written for aro2 and aro-today, not aro-private: open it on',
      links: [
        { lab: 'aro2', href: '/chapters/04-outbound-rule/?lab=aro2' },
        { lab: 'aro-today', href: '/chapters/04-outbound-rule/?lab=aro-today' },
      ],
    });
    expect(writtenForNotice('aro2', ['aro-private'], '/chapters/09-private-cluster/')?.text).toBe('This page is written for aro-private, not aro2: open it on');
  });

  it('is not shown on a lab the page is written for', () => {
    expect(writtenForNotice('aro-today', ['aro2', 'aro-today'], '/x/')).toBeUndefined();
  });

  it('is not shown for a lab file or anything else that is not a built-in lab', () => {
    expect(writtenForNotice('my-cluster.json', ['aro2'], '/x/')).toBeUndefined();
  });

  it('is not shown when the page says nothing about its labs', () => {
    expect(writtenForNotice('aro2', [], '/x/')).toBeUndefined();
  });
});

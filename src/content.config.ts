// The chapters live in the top-level content/ folder; `lab` names the lab a page's terminal and
// <Run> blocks use.
//
// `labs` lists the built-in labs a page is written for, as a one-line list (`labs: [aro-private]`);
// `lab` must be one of them. Without it, a page is written for its `lab` and, when that lab's
// cluster is public (API server and ingress `Public`), for every built-in lab with a public cluster:
// chapters 1-8 run on aro2 and aro-today, chapter 9 on aro-private alone. Every <Run> block must work
// on each of these labs, the chapter's exercises replay on them, and a reader whose terminal runs
// another built-in lab sees a notice under the terminal's lab name with links to these
// (src/site/page-labs.ts computes the list; src/site/labs/choice.ts words the notice).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

export const collections = {
  // Starlight reads its interface words from this collection. The site keeps Starlight's English
  // ones; a single empty entry says so (an empty or missing collection warns on every build).
  i18n: defineCollection({ loader: () => [{ id: 'en' }], schema: i18nSchema() }),
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: z.object({ lab: z.string().default('aro2'), labs: z.array(z.string()).min(1).optional() }) }),
  }),
};

// The chapters live in the top-level content/ folder; `lab` names the lab a page's terminal and
// <Run> blocks use.
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
    schema: docsSchema({ extend: z.object({ lab: z.string().default('aro2') }) }),
  }),
};

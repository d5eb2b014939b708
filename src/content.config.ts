// The chapters live in the top-level content/ folder; `lab` names the lab a page's terminal and
// <Run> blocks use.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: z.object({ lab: z.string().default('aro2') }) }),
  }),
};

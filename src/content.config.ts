import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './shared/schemas/entry.ts';

// The pipeline (`kb build`) writes MDX entries into .kb/entries; the same zod schema validates them here.
const kbDir = process.env.KB_OUT ?? './.kb';

export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${kbDir}/entries` }),
    schema: entrySchema,
  }),
};

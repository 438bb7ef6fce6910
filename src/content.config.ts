import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './shared/schemas/entry.ts';

// The pipeline (`kb build`) writes MDX entries into .kb/entries; the same zod schema validates them here.
const kbDir = process.env.KB_OUT ?? './.kb';
// A site too large for one Astro build is built in shares, each from a folder holding some of the entry files
// (scripts/bench/site.ts).
const entriesDir = process.env.KB_ENTRIES ?? `${kbDir}/entries`;

export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '*.mdx', base: entriesDir }),
    schema: entrySchema,
  }),
};

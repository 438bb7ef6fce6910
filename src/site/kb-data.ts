import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { knowledgeBaseSchema, type KnowledgeBase } from '../shared/schemas/knowledge-base.ts';
import { siteSchema, vocabularySchema, type SiteConfig, type Vocabulary } from '../shared/schemas/vocabulary.ts';

// Build-time only: pages read the pipeline's validated output once and share it.
const kbDir = process.env.KB_OUT ?? path.resolve('.kb');
const contentDir = process.env.KB_CONTENT ?? path.resolve('content');

let cache: { kb: KnowledgeBase; site: SiteConfig; vocabulary: Vocabulary } | undefined;

/** The knowledge base, site wording and vocabulary, loaded and validated once per build. */
export function kbData() {
  cache ??= {
    kb: knowledgeBaseSchema.parse(JSON.parse(readFileSync(path.join(kbDir, 'kb.json'), 'utf8'))),
    site: siteSchema.parse(parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8'))),
    vocabulary: vocabularySchema.parse(parse(readFileSync(path.join(contentDir, 'vocabulary.yaml'), 'utf8'))),
  };
  return cache;
}

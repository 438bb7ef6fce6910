import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { siteSchema, vocabularySchema, type SiteConfig, type Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';
import { synonymsSchema, type Synonyms } from '../../../src/shared/schemas/synonyms.ts';
import { claimsVocabularySchema, type ClaimsVocabulary } from '../../../src/shared/schemas/claims-vocabulary.ts';
import { BuildError, zodDiagnostics, type Diagnostic } from '../diagnostics.ts';

/** The data that makes one knowledge base: site wording and domain vocabulary. */
export interface ContentConfig {
  dir: string;
  site: SiteConfig;
  vocabulary: Vocabulary;
  /** Domain synonyms for search (`synonyms.yaml`, optional). */
  synonyms: Synonyms;
  /** What statements claim: subjects, synonyms and wording (`subjects.yaml`, optional). */
  claims?: ClaimsVocabulary;
}

/** The content folder for a sources folder: its parent when that holds a site.yaml, else the default. */
export function contentDirFor(sourcesDir: string, fallback: string): string {
  const parent = path.dirname(path.resolve(sourcesDir));
  return existsSync(path.join(parent, 'site.yaml')) ? parent : fallback;
}

/** Reads and validates `site.yaml` and `vocabulary.yaml`; errors name the file and line. */
export async function loadContentConfig(dir: string): Promise<ContentConfig> {
  const diagnostics: Diagnostic[] = [];
  const site = await loadYaml(path.join(dir, 'site.yaml'), siteSchema, diagnostics);
  const vocabulary = await loadYaml(path.join(dir, 'vocabulary.yaml'), vocabularySchema, diagnostics);
  const synonymsFile = path.join(dir, 'synonyms.yaml');
  const synonyms = existsSync(synonymsFile) ? await loadYaml(synonymsFile, synonymsSchema, diagnostics) : synonymsSchema.parse({});
  const claimsFile = path.join(dir, 'subjects.yaml');
  const claims = existsSync(claimsFile) ? await loadYaml(claimsFile, claimsVocabularySchema, diagnostics) : claimsVocabularySchema.parse({});
  if (!site || !vocabulary || !synonyms || !claims) throw new BuildError(diagnostics);
  return { dir, site, vocabulary, synonyms, claims };
}

/** Reads one YAML file and validates it with a schema; problems become diagnostics with lines. */
export async function loadYaml<S extends z.ZodType>(file: string, schema: S, diagnostics: Diagnostic[]): Promise<z.output<S> | undefined> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) {
    diagnostics.push({ file, severity: 'error', message: 'file not found' });
    return undefined;
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) diagnostics.push({ file, line: e.linePos?.[0]?.line, severity: 'error', message: `malformed YAML: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const lineOf = (p: (string | number)[]) => {
      const node = doc.getIn(p, true) as { range?: [number, number] } | undefined;
      return node?.range ? counter.linePos(node.range[0]).line : undefined;
    };
    diagnostics.push(...zodDiagnostics(result.error, file, lineOf, '(root)'));
    return undefined;
  }
  return result.data;
}

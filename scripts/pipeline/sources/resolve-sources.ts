import path from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import {
  manifestSchema,
  sourceMetaInputSchema,
  sourceSchema,
  type ManifestRow,
  type Source,
} from '../../../src/shared/schemas/source.ts';
import { zodDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { RawFile, RawFolder } from './read-folder.ts';

/** A decoded source: its resolved metadata and its body text (frontmatter removed). */
export interface LoadedSource {
  meta: Source;
  /** Body text with `\n` line endings. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

/** Largest source accepted, in bytes; larger files are almost certainly not documentation. */
export const maxSourceBytes = 5 * 1024 * 1024;

const knownKeys = new Set(Object.keys(sourceMetaInputSchema.shape));

/** Decodes, validates and merges metadata for every file in a sources folder. Pure. */
export function resolveSources(
  folder: RawFolder,
  defaults: { scope: string },
): { sources: LoadedSource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows = parseManifest(folder, diagnostics);
  const sources: LoadedSource[] = [];
  for (const file of folder.files) {
    const loaded = loadOne(file, rows.get(file.name), defaults, diagnostics);
    if (loaded) sources.push(loaded);
  }
  const seen = new Map<string, string>();
  for (const s of sources) {
    const other = seen.get(s.meta.id);
    if (other) diagnostics.push({ file: s.meta.file, line: 1, severity: 'error', message: `duplicate source id "${s.meta.id}" (also used by ${other})` });
    else seen.set(s.meta.id, s.meta.file);
  }
  if (folder.files.length === 0) diagnostics.push({ file: folder.dir, severity: 'error', message: 'no source files (.md, .markdown, .txt) found' });
  return { sources, diagnostics };
}

function parseManifest(folder: RawFolder, diagnostics: Diagnostic[]): Map<string, ManifestRow> {
  const rows = new Map<string, ManifestRow>();
  if (!folder.manifest) return rows;
  const file = folder.manifest.name;
  const text = decode(folder.manifest, diagnostics);
  if (text === null) return rows;
  const parsed = parseYaml(text, file, 0, diagnostics);
  if (parsed === undefined) return rows;
  const result = manifestSchema.safeParse(parsed.value ?? { sources: [] });
  if (!result.success) {
    diagnostics.push(...zodDiagnostics(result.error, file, parsed.lineOf, 'manifest'));
    return rows;
  }
  const names = new Set(folder.files.map((f) => f.name));
  result.data.sources.forEach((row, i) => {
    const line = parsed.lineOf(['sources', i]);
    if (!names.has(row.file)) diagnostics.push({ file, line, severity: 'error', message: `manifest names a missing file "${row.file}"` });
    else if (rows.has(row.file)) diagnostics.push({ file, line, severity: 'error', message: `manifest lists "${row.file}" twice` });
    else rows.set(row.file, row);
  });
  return rows;
}

function loadOne(file: RawFile, row: ManifestRow | undefined, defaults: { scope: string }, diagnostics: Diagnostic[]): LoadedSource | null {
  const name = file.name;
  if (file.bytes.byteLength > maxSourceBytes) {
    diagnostics.push({ file: name, severity: 'error', message: `file is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; sources are limited to ${maxSourceBytes / 1048576} MB` });
    return null;
  }
  const text = decode(file, diagnostics);
  if (text === null) return null;
  const { data, body, bodyLine, ok } = splitFrontmatter(text, name, diagnostics);
  if (!ok) return null;
  if (body.trim() === '') {
    diagnostics.push({ file: name, line: bodyLine, severity: 'error', message: 'source is empty' });
    return null;
  }
  const format = path.extname(name).toLowerCase() === '.txt' ? 'text' : 'markdown';
  const merged: Record<string, unknown> = { ...(row ?? {}) };
  delete merged.file;
  const evidence: string[] = [];
  for (const [key, value] of Object.entries(data.value)) {
    if (key.includes('.')) {
      // Namespaced keys (`ms.date`, `ms.topic`) are publisher metadata: kept as date evidence, not as our fields.
      if (/\.date$/.test(key) && typeof value === 'string') {
        evidence.push(`${key}: ${value} (frontmatter)`);
        const iso = toIsoDate(value);
        if (iso && data.value.date === undefined) merged.date = iso;
      }
      continue;
    }
    if (!knownKeys.has(key)) {
      diagnostics.push({ file: name, line: data.lineOf([key]), severity: 'error', message: `unknown frontmatter key "${key}" (known: ${[...knownKeys].join(', ')})` });
      return null;
    }
    merged[key] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  if (merged.title === undefined) {
    const title = firstTitle(body, format);
    if (!title) {
      diagnostics.push({ file: name, line: bodyLine, severity: 'error', message: 'source has no title: add `title` to its frontmatter or the manifest, or start it with a heading' });
      return null;
    }
    merged.title = title;
  }
  const input = sourceMetaInputSchema.safeParse(merged);
  if (!input.success) {
    const where = row ? 'its frontmatter or its manifest row' : 'its frontmatter (title, url, date, license)';
    for (const issue of input.error.issues) {
      const key = String(issue.path[0] ?? '');
      diagnostics.push({ file: name, line: data.lineOf([key]) ?? 1, severity: 'error', message: `metadata "${key}": ${issue.message}; set it in ${where}` });
    }
    return null;
  }
  const m = input.data;
  const meta = sourceSchema.parse({
    id: m.id ?? slugFromFile(name),
    title: m.title,
    url: m.url,
    license: m.license,
    licenseUrl: m.licenseUrl,
    date: m.date,
    dateEvidence: [m.dateEvidence, ...evidence].filter(Boolean).join(' ') || `date ${m.date} given in metadata`,
    scope: m.scope ?? defaults.scope,
    kind: m.kind ?? inferKind(body),
    description: m.description,
    file: name,
    format,
  });
  return { meta, body, bodyLine };
}

/** Strict UTF-8 decoding with BOM removal and newline normalisation; reports binary and invalid bytes by line. */
function decode(file: RawFile, diagnostics: Diagnostic[]): string | null {
  const bytes = file.bytes;
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    diagnostics.push({ file: file.name, line: lineAtByte(bytes, nul), severity: 'error', message: 'binary file (NUL byte); sources must be UTF-8 text' });
    return null;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.replace(/\r\n?/g, '\n');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    diagnostics.push({ file: file.name, line: lineAtByte(bytes, bad), severity: 'error', message: 'not valid UTF-8; re-save the file as UTF-8' });
    return null;
  }
}

function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  // Decode line by line; the first line that fails holds the bad byte.
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return start;
      }
      start = i + 1;
    }
  }
  return 0;
}

interface YamlData {
  value: Record<string, unknown>;
  lineOf: (path: (string | number)[]) => number | undefined;
}

function parseYaml(text: string, file: string, lineOffset: number, diagnostics: Diagnostic[]): YamlData | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line;
      diagnostics.push({ file, line: line ? line + lineOffset : undefined, severity: 'error', message: `malformed YAML: ${e.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const value = doc.toJS() as unknown;
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    diagnostics.push({ file, line: 1 + lineOffset, severity: 'error', message: 'YAML must be a mapping of keys to values' });
    return undefined;
  }
  const lineOf = (p: (string | number)[]) => {
    const node = doc.getIn(p, true) as { range?: [number, number] } | undefined;
    const pair = p.length === 1 ? (doc.contents as { items?: { key: { value: unknown; range?: [number, number] } }[] })?.items?.find((it) => it.key?.value === p[0]) : undefined;
    const range = pair?.key.range ?? node?.range;
    return range ? counter.linePos(range[0]).line + lineOffset : undefined;
  };
  return { value: (value ?? {}) as Record<string, unknown>, lineOf };
}

function splitFrontmatter(text: string, file: string, diagnostics: Diagnostic[]) {
  const empty: YamlData = { value: {}, lineOf: () => undefined };
  if (!text.startsWith('---\n')) return { data: empty, body: text, bodyLine: 1, ok: true };
  const end = text.indexOf('\n---', 3);
  if (end === -1 || !/^\n---[ \t]*(\n|$)/.test(text.slice(end, end + 5 + 1))) {
    diagnostics.push({ file, line: 1, severity: 'error', message: 'frontmatter starts with --- but never closes' });
    return { data: empty, body: '', bodyLine: 1, ok: false };
  }
  const yamlText = text.slice(4, end + 1);
  const parsed = parseYaml(yamlText, file, 1, diagnostics);
  if (!parsed) return { data: empty, body: '', bodyLine: 1, ok: false };
  const after = text.indexOf('\n', end + 1);
  const body = after === -1 ? '' : text.slice(after + 1);
  const bodyLine = text.slice(0, after + 1).split('\n').length;
  return { data: parsed, body, bodyLine, ok: true };
}

function firstTitle(body: string, format: 'markdown' | 'text'): string | undefined {
  const lines = body.split('\n').map((l) => l.trim());
  if (format === 'markdown') {
    const h1 = lines.find((l) => /^#\s+\S/.test(l));
    return h1?.replace(/^#\s+/, '').replace(/\s+#*$/, '');
  }
  const first = lines.find((l) => l !== '');
  return first && first.length <= 200 && !/[.:;,]$/.test(first) ? first : undefined;
}

function inferKind(body: string): Source['kind'] {
  const questions = body.split('\n').filter((l) => /^\s*(#+\s*)?[A-Z][^.!]{5,150}\?\s*$/.test(l)).length;
  return questions >= 3 ? 'faq' : 'guidance';
}

function slugFromFile(name: string): string {
  return name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'source';
}

/** Turns `10/10/2023` or `2023-10-10` into ISO `2023-10-10`. */
export function toIsoDate(value: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  const iso = /^(\d{4})(-\d{2}(-\d{2})?)?/.exec(value.trim());
  return iso ? iso[0] : undefined;
}

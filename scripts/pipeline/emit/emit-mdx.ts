import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import { entrySchema, type Entry } from '../../../src/shared/schemas/entry.ts';

const processor = unified()
  .use(remarkStringify, { bullet: '-', fences: true, rule: '-' })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx);

/**
 * Serialises one entry as MDX: the validated frontmatter as a YAML node, then the body tree. The tree goes through
 * remark-mdx's serializer, which escapes `<`, `{` and friends in text, so source text can never become code.
 */
export function emitMdx(data: Entry, body: Root): string {
  const valid = entrySchema.parse(data);
  const frontmatter: Yaml = { type: 'yaml', value: yamlStringify(valid, { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd() };
  const tree: Root = { type: 'root', children: [frontmatter, ...stripPositions(body).children] };
  return processor.stringify(tree as never) as string;
}

function stripPositions<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value))) as T;
}

import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { Entry, Statement } from '../../../src/shared/schemas/entry.ts';
import { appliesToTagSchema, datedTagSchema, outdatedTagSchema } from '../../../src/shared/schemas/version-tags.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** MDX attributes from a validated record; empty values are left out. */
function attributes(record: Record<string, string | undefined>): MdxJsxAttribute[] {
  return Object.entries(record)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

/** The version tag for one statement, or null when it is current. Attributes are validated by the tag schemas. */
function tagFor(s: Statement): { name: string; attributes: MdxJsxAttribute[] } | null {
  if (s.status === 'outdated' && s.supersededBy[0]) {
    const by = s.supersededBy[0];
    const tag = outdatedTagSchema.parse({ asOf: s.asOf, supersededBy: by.statement, supersededByEntry: by.entry, source: by.source, supersededAsOf: by.asOf });
    return { name: 'Outdated', attributes: attributes(tag) };
  }
  if (s.status === 'dated') return { name: 'Dated', attributes: attributes(datedTagSchema.parse({ asOf: s.asOf, reason: s.datedReason ?? 'time-relative wording' })) };
  return null;
}

/**
 * Adds version tags to an entry body, as MDX JSX nodes: every outdated statement is wrapped in `<Outdated>` (its
 * date, the statement that replaced it and that statement's source), every dated one in `<Dated>`, and an
 * `<AppliesTo>` element opens the body with the platforms, OS versions and product versions. Returns a new tree.
 */
export function tagVersions(body: Root, entry: Entry): Root {
  // Only bodies that get tags inside are copied deeply; the rest share their nodes with the input.
  const tagged = entry.statements.some((s) => s.status !== 'current');
  const tree: Root = tagged ? structuredClone(body) : { ...body, children: [...body.children] };
  const statements = new Map(entry.statements.map((s) => [s.id, s]));
  if (tagged) visit(tree, (node, index, parent) => {
    if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Statement' || !parent || index === undefined) return undefined;
    const id = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    const statement = typeof id === 'string' ? statements.get(id) : undefined;
    const tag = statement ? tagFor(statement) : null;
    if (!tag) return SKIP;
    const wrapper = { type: node.type, name: tag.name, attributes: tag.attributes, children: [node], position: node.position } as JsxElement;
    (parent.children as unknown[])[index] = wrapper;
    return [SKIP, index + 1];
  });
  const asOf = entry.statements.reduce((d, s) => (s.asOf > d ? s.asOf : d), entry.statements[0].asOf);
  const applies = appliesToTagSchema.parse({
    platforms: entry.appliesTo.platforms.join(','),
    os: entry.appliesTo.osVersions.join(','),
    versions: entry.appliesTo.productVersions.join(','),
    asOf,
  });
  const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'AppliesTo', attributes: attributes(applies), children: [] };
  tree.children.unshift(element as unknown as RootContent);
  return tree;
}

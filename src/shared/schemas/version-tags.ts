import { z } from 'zod';
import { idPattern, partialDate } from './source.ts';

/** Attributes of `<Outdated>`: wraps a statement a newer one replaced. */
export const outdatedTagSchema = z.strictObject({
  /** The date the outdated statement was true as of. */
  asOf: partialDate,
  /** Statement id of the newest statement that replaced it. */
  supersededBy: z.string().regex(/^s-[a-z0-9-]+$/),
  /** Entry id holding that statement. */
  supersededByEntry: z.string().regex(idPattern),
  /** Source id of that statement. */
  source: z.string().regex(idPattern),
  /** The date the replacing statement was true as of. */
  supersededAsOf: partialDate.optional(),
});

/** Attributes of `<Dated>`: wraps a time-relative statement no newer source settles. */
export const datedTagSchema = z.strictObject({
  /** The date the statement was true as of. */
  asOf: partialDate,
  /** The wording that makes it time-relative. */
  reason: z.string().min(1),
});

/** A comma-separated list attribute (`windows-server-2019,windows-server-2022`). */
const list = z.string().regex(/^[^,\s][^,]*(?:,[^,\s][^,]*)*$|^$/);

/** Attributes of `<AppliesTo>`: what an entry applies to, at the top of its body. */
export const appliesToTagSchema = z.strictObject({
  /** Scope ids (`aks`, `kubernetes`), comma-separated. */
  platforms: list,
  /** OS-version ids, comma-separated. */
  os: list.default(''),
  /** Product (Kubernetes) versions, comma-separated. */
  versions: list.default(''),
  /** The newest date any statement of the entry is true as of. */
  asOf: partialDate,
});

export type OutdatedTag = z.input<typeof outdatedTagSchema>;
export type DatedTag = z.input<typeof datedTagSchema>;
export type AppliesToTag = z.input<typeof appliesToTagSchema>;

/** Splits a comma-separated list attribute. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

import type { Conflict } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import type { EntryDraft } from '../entries/build-entries.ts';

/** Result of the version stage: drafts with statuses filled in, plus the subjects in conflict. */
export interface ReconcileResult {
  drafts: EntryDraft[];
  conflicts: Conflict[];
}

/** Version stage: every statement starts `current` as of its source date (claims and reconciliation come next). */
export function reconcile(drafts: EntryDraft[], _sources: Source[]): ReconcileResult {
  return { drafts, conflicts: [] };
}

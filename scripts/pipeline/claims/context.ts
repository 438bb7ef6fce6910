/** What the extractor knows about a statement beyond its text. */
export interface ClaimContext {
  /** Scope of the statement's source (`aks`, `kubernetes`). */
  scope: string;
  /** Title of the statement's entry (a question for FAQ entries). */
  title: string;
  /** True when the title is a question. */
  question: boolean;
  /** Text of the previous statement in the same entry, for "This feature …" back-references. */
  previous?: string;
  /** Site language, for number formatting. */
  language?: string;
}

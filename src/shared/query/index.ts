// The query module's public surface, shared by `kb ask`, the search dialog and the /ask/ page.
export { ask, abstention, type Answer, type AskResult, type AskOptions, type Citation, type OutdatedNote } from './ask.ts';
export { closeAnswers, closeMatch } from './close-answers.ts';
export { searchEntries, type SearchFilters, type SearchResult } from './search.ts';
export { loadEngine, type ReadIndexFile } from './load.ts';
export { isFollowUp, mergeFollowUp } from './follow-up.ts';
export { splitByRanges, highlightRanges, type Range } from './highlight.ts';
export type { SearchEngine } from './engine.ts';

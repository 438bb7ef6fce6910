// The heavy half of the /ask/ page (query module, FlexSearch, index loading), imported on first use.
export { ask } from '../../shared/query/ask.ts';
export { browserEngine, indexLocation } from './load.ts';

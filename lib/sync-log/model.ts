// The sync log's limits, shared by the queries, the API document and the page.

/** Entries a text search reads per page: text has no index, so a search is bounded and says how far back it read. */
export const TEXT_SEARCH_SPAN = 10_000;

/** Up to this many matching entries a log count is exact; beyond, a filter no rollup answers is estimated. */
export const EXACT_COUNT_LIMIT = 10_000;

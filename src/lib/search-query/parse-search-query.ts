/** Moved to common/ so the server runs the same code (alert rules): see common/search-query/parse-search-query.ts. */
export * from '../../../common/search-query/parse-search-query.ts';

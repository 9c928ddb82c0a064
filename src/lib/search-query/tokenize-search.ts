/** Moved to common/ so the server runs the same code (alert rules): see common/search-query/tokenize-search.ts. */
export * from '../../../common/search-query/tokenize-search.ts';

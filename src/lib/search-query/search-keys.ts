/** Moved to common/ so the server runs the same code (alert rules): see common/search-query/search-keys.ts. */
export * from '../../../common/search-query/search-keys.ts';

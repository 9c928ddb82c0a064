/** Moved to common/ so the server's upstream reader retries the same way: see common/pulumi/retrying-fetcher.ts. */
export * from '../../../common/pulumi/retrying-fetcher.ts';

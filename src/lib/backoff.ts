/** Moved to common/ so the server retries by the same rules: see common/pulumi/backoff.ts. */
export * from '../../common/pulumi/backoff.ts';

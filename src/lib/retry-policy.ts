/** Moved to common/ so the server classifies failures the same way: see common/pulumi/retry-policy.ts. */
export * from '../../common/pulumi/retry-policy.ts';

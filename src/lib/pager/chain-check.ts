/** Moved to common/ so the server's upstream reader runs the same check: see common/pulumi/chain-check.ts. */
export * from '../../../common/pulumi/chain-check.ts';

/** Moved to common/ so the server's upstream reader waits the same way: see common/pulumi/abortable-sleep.ts. */
export * from '../../../common/pulumi/abortable-sleep.ts';

/** Moved to common/ so the server runs the same code (alert rules): see common/ip-address/ip-range.ts. */
export * from '../../../common/ip-address/ip-range.ts';

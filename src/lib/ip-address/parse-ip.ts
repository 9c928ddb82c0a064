/** Moved to common/ so the server runs the same code (alert rules): see common/ip-address/parse-ip.ts. */
export * from '../../../common/ip-address/parse-ip.ts';

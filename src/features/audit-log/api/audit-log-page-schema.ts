/**
 * Runtime check of a V2 page at the boundary: a malformed answer fails its page with a clear
 * error instead of breaking rows later. Flags and token fields default as Pulumi omits them.
 */
import { z } from 'zod';
import type { AuditLogEvent } from '../../../lib/audit-log-types.ts';

const userInfoSchema = z.object({
  name: z.string().default(''),
  githubLogin: z.string(),
  avatarUrl: z.string().default(''),
  email: z.string().optional(),
});

const auditLogEventSchema = z.object({
  timestamp: z.number(),
  sourceIP: z.string().default(''),
  event: z.string(),
  description: z.string().default(''),
  user: userInfoSchema,
  tokenID: z.string().optional(),
  tokenName: z.string().optional(),
  reqOrgAdmin: z.boolean().default(false),
  reqStackAdmin: z.boolean().default(false),
  authFailure: z.boolean().default(false),
  actorName: z.string().optional(),
  actorUrn: z.string().optional(),
});

export const auditLogPageSchema = z.object({
  auditLogEvents: z
    .array(auditLogEventSchema)
    .nullish()
    .transform((events) => events ?? []),
  // The last page omits the token, or sends it empty or null: all mean "no more pages".
  continuationToken: z
    .string()
    .nullish()
    .transform((token) => token || undefined),
});

export interface CheckedAuditLogPage {
  auditLogEvents: AuditLogEvent[];
  continuationToken: string | undefined;
}

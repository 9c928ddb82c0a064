/**
 * The Pulumi Cloud audit-log wire types (spec/pulumi/openapi-auditlogs.yml), shared by the
 * app, its workers and the embedded service so all of them agree on one shape.
 */

/** Display information for a user (`UserInfo`). */
export interface UserInfo {
  /** Omitted by Pulumi for some users; fall back to the login. */
  name?: string;
  githubLogin: string;
  avatarUrl?: string;
  email?: string;
}

/**
 * One audit-log event (`AuditLogEvent`). Booleans are omitted by the API when false, the
 * token/actor fields when empty, and the spec requires no field at all: only the time, the event
 * id and the user's login are relied on, so every other field must be defaulted by readers.
 */
export interface AuditLogEvent {
  timestamp: number;
  sourceIP?: string;
  event: string;
  description?: string;
  user: UserInfo;
  tokenID?: string;
  tokenName?: string;
  reqOrgAdmin?: boolean;
  reqStackAdmin?: boolean;
  authFailure?: boolean;
  actorName?: string;
  actorUrn?: string;
}

/** One page of the list endpoints (`ResponseAuditLogs`). */
export interface AuditLogPage {
  auditLogEvents: AuditLogEvent[];
  /** Omitted, empty or null on the last page. */
  continuationToken?: string | null;
}

/** One entry of the event catalog (`event-types.tsv`). */
export interface EventType {
  event: string;
  displayName: string;
  category: string;
  requiresOrgAdmin: boolean;
  requiresStackAdmin: boolean;
  authenticationFailure: boolean;
  deprecated: boolean;
  replacedBy?: string;
}

/** Organization role from `GET /api/user`. */
export type OrganizationRole =
  'none' | 'member' | 'admin' | 'potential-member' | 'stack-collaborator' | 'billing-manager';

export interface OrganizationSummaryWithRole {
  name: string;
  githubLogin: string;
  avatarUrl: string;
  role: OrganizationRole;
}

/** The subset of `GET /api/user` the console reads. */
export interface CurrentUser {
  id: string;
  name: string;
  githubLogin: string;
  avatarUrl: string;
  email: string;
  organizations: OrganizationSummaryWithRole[];
}

/** Pulumi's error body. */
export interface ApiErrorBody {
  code: number;
  message: string;
}

/**
 * The console's own alerts API (`/api/orgs/{org}/console/alerts`, server/alerts/), an extension
 * Pulumi Cloud does not have. Answers are checked at the boundary; webhook URLs and secrets are
 * sent, never received.
 */
import { queryOptions } from '@tanstack/react-query';
import { InvalidAnswerError, isJsonObject } from '../../../../common/pulumi/invalid-answer.ts';
import type {
  AlertRule,
  DeliveryAttempt,
  DeliveryStatus,
  ReadyMadeRule,
  RuleSettings,
} from '../../../../common/alerts/alert-types.ts';
import { apiGet, apiRequest, ignoreBody } from '../../../lib/api-client.ts';

export type {
  AlertRule,
  DeliveryAttempt,
  GroupBy,
  ReadyMadeRule,
  RuleSettings,
  WebhookFormat,
} from '../../../../common/alerts/alert-types.ts';

export interface Delivery {
  id: number;
  ruleId: string;
  ruleName: string;
  groupKey: string;
  /** Unix seconds. */
  firedAt: number;
  matchCount: number;
  status: DeliveryStatus;
  attempts: number;
  /** Milliseconds. */
  nextAttemptAt: number;
  history: DeliveryAttempt[];
}

/** What a create or change sends: `webhookUrl` and `secret` only when the admin typed them. */
export type RuleInput = Partial<RuleSettings> & { webhookUrl?: string; secret?: string };

function list<T>(body: unknown, field: string): T[] {
  if (!isJsonObject(body) || !Array.isArray(body[field])) {
    throw new InvalidAnswerError(`no ${field} list`);
  }
  return body[field] as T[];
}

const checkRule = (body: unknown): AlertRule => {
  if (!isJsonObject(body) || typeof body.id !== 'string') throw new InvalidAnswerError('no rule');
  return body as unknown as AlertRule;
};

/** Upstream mode: the token the server reads Pulumi Cloud with, as far as it is shown. */
export interface UpstreamReader {
  configured: boolean;
  /** Milliseconds. */
  lastReadAt?: number | null;
  /** Why the last read failed, in the server's words. */
  lastError?: string | null;
}

export interface AlertsOverview {
  /** Who reads the events: the embedded service itself, or this server from Pulumi Cloud. */
  evaluation: 'embedded' | 'upstream';
  reader?: UpstreamReader;
  rules: AlertRule[];
  readyMade: ReadyMadeRule[];
}

function parseReader(value: unknown): UpstreamReader {
  if (!isJsonObject(value) || typeof value.configured !== 'boolean') {
    throw new InvalidAnswerError('reader');
  }
  return value as unknown as UpstreamReader;
}

/** The overview carries a reader only in upstream mode. */
function optionalReader(body: unknown): UpstreamReader | undefined {
  const reader = isJsonObject(body) ? body.reader : undefined;
  return reader === undefined ? undefined : parseReader(reader);
}

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/console/alerts`;

export const alertsQueries = {
  all: (org: string) => ['alerts', org] as const,
  overview: (org: string) =>
    queryOptions({
      queryKey: [...alertsQueries.all(org), 'rules'],
      queryFn: ({ signal }) =>
        apiGet(
          base(org),
          (body): AlertsOverview => ({
            evaluation:
              isJsonObject(body) && body.evaluation === 'upstream' ? 'upstream' : 'embedded',
            reader: optionalReader(body),
            rules: list<AlertRule>(body, 'rules'),
            readyMade: list<ReadyMadeRule>(body, 'readyMade'),
          }),
          { signal },
        ),
      retry: false,
    }),
  deliveries: (org: string) =>
    queryOptions({
      queryKey: [...alertsQueries.all(org), 'deliveries'],
      queryFn: ({ signal }) =>
        apiGet(base(org) + '/deliveries', (body) => list<Delivery>(body, 'deliveries'), {
          signal,
        }),
      // Deliveries are retried in the background: the history follows them while it is open.
      refetchInterval: 15_000,
      retry: false,
    }),
};

export const createRule = (org: string, input: RuleInput) =>
  apiRequest('POST', base(org), checkRule, input);

export const updateRule = (org: string, id: string, input: RuleInput) =>
  apiRequest('PATCH', `${base(org)}/${encodeURIComponent(id)}`, checkRule, input);

export const deleteRule = (org: string, id: string) =>
  apiRequest('DELETE', `${base(org)}/${encodeURIComponent(id)}`, ignoreBody);

/** Upstream mode: gives the token the rules read Pulumi Cloud with (checked, then sealed). */
export const setReaderToken = (org: string, token: string) =>
  apiRequest('PUT', `${base(org)}/reader`, parseReader, { token });

export const removeReaderToken = (org: string) =>
  apiRequest('DELETE', `${base(org)}/reader`, ignoreBody);

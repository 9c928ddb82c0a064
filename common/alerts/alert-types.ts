/**
 * The alerts API's shapes (`/api/orgs/{org}/console/alerts`, the console's own extension), for
 * the server that answers them and the console that reads them. Decision note 021.
 */

export const GROUP_BY = ['ip', 'user', 'none'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a rule says, as an admin writes it and the API shows it. */
export interface RuleSettings {
  name: string;
  /** The search, as the console's search box takes it (`failed:true`). */
  query: string;
  /** Matches within the window that fire the rule (1 with window 0: every match). */
  threshold: number;
  /** Seconds; 0 means every match fires on its own. */
  windowSeconds: number;
  groupBy: GroupBy;
  enabled: boolean;
  webhookFormat: WebhookFormat;
}

/** A rule as the API shows it: the webhook's secret is never part of it. */
export interface AlertRule extends RuleSettings {
  id: string;
  org: string;
  /**
   * Where deliveries go, origin only (`https://hooks.slack.com`): the whole URL is write-only,
   * since a Slack or Teams webhook URL is itself a credential.
   */
  webhookOrigin: string;
  /** Whether a signing secret is stored (it is never shown again). */
  hasSecret: boolean;
  /** Unix seconds. */
  createdAt: number;
}

/** A rule ready to start from (the Sentinel connector's three). */
export interface ReadyMadeRule extends Pick<
  RuleSettings,
  'name' | 'query' | 'threshold' | 'windowSeconds' | 'groupBy'
> {
  key: string;
  /** What it watches for, in a sentence. */
  summary: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One try at sending a delivery. */
export interface DeliveryAttempt {
  attempt: number;
  /** Milliseconds. */
  at: number;
  ok: boolean;
  httpStatus: number | null;
  /** A short reason in the server's words, never the receiver's body. */
  reason: string;
}

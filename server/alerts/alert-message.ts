/**
 * What a webhook receives. Two bodies: the console's JSON (`format: json`), signed, and Slack's
 * incoming-webhook `{text}` (`format: slack`). Both carry links into the console: one per event
 * (the log around the event with its details open, as the console's own event links) and one
 * to the search over the window.
 */
import { createHmac } from 'node:crypto';
import { formatUtcInstant } from '../../common/time/utc-instant.ts';
import { eventDisplayName } from '../../common/pulumi/event-catalog.ts';
import type { AlertRule } from './alert-rule.ts';
import type { Firing } from './evaluate-rule.ts';

/** Events listed in one alert; the count and the search link cover the rest. */
export const MAX_LISTED_EVENTS = 20;
/** How much of the log an event link shows around its event (the console's own margin). */
const EVENT_LINK_MARGIN_SECONDS = 30 * 60;

export interface AlertEventSummary {
  timestamp: string;
  event: string;
  user: string;
  sourceIP: string;
  description: string;
  link: string;
}

/** The JSON body (`format: json`); `type` and `version` let receivers check what they got. */
export interface AlertMessage {
  type: 'audit-log-console.alert';
  version: 1;
  org: string;
  rule: Pick<AlertRule, 'id' | 'name' | 'query' | 'threshold' | 'windowSeconds' | 'groupBy'>;
  /** The source IP or login the matches were counted for; absent when not grouped. */
  key?: string;
  firedAt: string;
  /** Matches within the window that fired it (all of them, also those not listed). */
  matchCount: number;
  /** The search over the window in the console. */
  searchLink: string;
  events: AlertEventSummary[];
}

type RuleFields = AlertMessage['rule'] & { org: string };

function logUrl(origin: string, org: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return `${origin}/orgs/${encodeURIComponent(org)}/audit-logs?${query}`;
}

/** The search the rule ran, narrowed to the key, as the console's search box writes it. */
function keyedSearch(rule: RuleFields, key: string): string {
  const quoted = `"${key.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
  if (rule.groupBy === 'ip' && key !== '') return `${rule.query} ip:${key}`;
  if (rule.groupBy === 'user' && key !== '') return `${rule.query} user:${quoted}`;
  return rule.query;
}

/** The alert for one firing; `origin` is the console's address (PUBLIC_URL or where it listens). */
export function buildAlertMessage(rule: RuleFields, firing: Firing, origin: string): AlertMessage {
  const first = firing.matches[0]?.event.timestamp ?? firing.firedAt;
  const listed = firing.matches.slice(-MAX_LISTED_EVENTS);
  const message: AlertMessage = {
    type: 'audit-log-console.alert',
    version: 1,
    org: rule.org,
    rule: {
      id: rule.id,
      name: rule.name,
      query: rule.query,
      threshold: rule.threshold,
      windowSeconds: rule.windowSeconds,
      groupBy: rule.groupBy,
    },
    firedAt: formatUtcInstant(firing.firedAt),
    matchCount: firing.matches.length,
    searchLink: logUrl(origin, rule.org, {
      from: formatUtcInstant(first),
      to: formatUtcInstant(firing.firedAt + 1),
      q: keyedSearch(rule, firing.key),
    }),
    events: listed.map(({ event, identity }) => ({
      timestamp: formatUtcInstant(event.timestamp),
      event: event.event,
      user: event.user.githubLogin,
      sourceIP: event.sourceIP ?? '',
      description: event.description ?? '',
      link: logUrl(origin, rule.org, {
        from: formatUtcInstant(event.timestamp - EVENT_LINK_MARGIN_SECONDS),
        to: formatUtcInstant(event.timestamp + EVENT_LINK_MARGIN_SECONDS + 1),
        details: identity,
      }),
    })),
  };
  if (rule.groupBy !== 'none') message.key = firing.key;
  return message;
}

/** Slack's mrkdwn wants `&`, `<` and `>` escaped; anything else an event says is shown as is. */
const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Slack-compatible body: `{text}` with a line per listed event, each linked. */
export function slackBody(message: AlertMessage): string {
  const scope = message.key ? ` for ${slackEscape(message.key)}` : '';
  const counted =
    message.matchCount === 1 ? '1 match' : `${message.matchCount.toLocaleString('en-US')} matches`;
  const lines = [
    `*${slackEscape(message.rule.name)}* fired${scope} in ${slackEscape(message.org)}: ${counted} (<${message.searchLink}|open the search>)`,
    ...message.events.map(
      (e) =>
        `• <${e.link}|${e.timestamp}> ${slackEscape(eventDisplayName(e.event))} by ${slackEscape(e.user)}${e.sourceIP ? ` from ${slackEscape(e.sourceIP)}` : ''}`,
    ),
  ];
  if (message.matchCount > message.events.length) {
    lines.push(`…and ${message.matchCount - message.events.length} earlier in the window`);
  }
  return JSON.stringify({ text: lines.join('\n') });
}

/** The header carrying the signature of a JSON delivery. */
export const SIGNATURE_HEADER = 'X-Audit-Console-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`: the timestamp is
 * signed with the body, so a receiver that refuses old timestamps refuses replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

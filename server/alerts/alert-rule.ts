/**
 * An alert rule: a search in the console's `q=` language, how many matches within a window
 * fire it, what the matches are counted per, and the webhook that hears about it. Decision
 * note: docs/decisions/021-alerts.md.
 */
import { contextFlagsOf } from '../../common/search-query/match-event.ts';
import { parseSearchQuery } from '../../common/search-query/parse-search-query.ts';
import { GROUP_BY, WEBHOOK_FORMATS, type RuleSettings } from '../../common/alerts/alert-types.ts';

export {
  GROUP_BY,
  WEBHOOK_FORMATS,
  type AlertRule,
  type GroupBy,
  type RuleSettings,
  type WebhookFormat,
} from '../../common/alerts/alert-types.ts';

/**
 * What an admin sends to create or change a rule. `webhookUrl` and `secret` are write-only:
 * omitted on update, the stored ones are kept; `secret: ''` removes the secret.
 */
export interface AlertRuleInput extends RuleSettings {
  webhookUrl?: string;
  secret?: string;
}

export const MAX_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_THRESHOLD = 10_000;
const MAX_NAME = 200;
const MAX_QUERY = 1000;
const MAX_URL = 2000;
const MIN_SECRET = 16;
const MAX_SECRET = 256;

/** A rule input the API refuses, with a message safe to show (it never echoes the secret). */
export class RuleInputError extends Error {
  override name = 'RuleInputError';
}

function text(body: Record<string, unknown>, key: string, max: number): string {
  const value = body[key];
  if (typeof value !== 'string') throw new RuleInputError(`${key} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new RuleInputError(`${key} is longer than ${max} characters`);
  return trimmed;
}

function whole(body: Record<string, unknown>, key: string, min: number, max: number): number {
  const value = body[key];
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw new RuleInputError(`${key} must be a whole number from ${min} to ${max}`);
  }
  return value as number;
}

function oneOf<T extends string>(body: Record<string, unknown>, key: string, values: readonly T[]) {
  const value = body[key];
  if (!(values as readonly unknown[]).includes(value)) {
    throw new RuleInputError(`${key} must be one of ${values.join(', ')}`);
  }
  return value as T;
}

/** Webhooks go to http(s) URLs without credentials in them (a secret belongs in `secret`). */
function webhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RuleInputError('webhookUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RuleInputError('webhookUrl must use https or http');
  }
  if (url.username || url.password) {
    throw new RuleInputError('webhookUrl must not carry a user name or password');
  }
  return url.href;
}

function secret(body: Record<string, unknown>): string | undefined {
  const value = body.secret;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RuleInputError('secret must be a string');
  if (value !== '' && (value.length < MIN_SECRET || value.length > MAX_SECRET)) {
    throw new RuleInputError(`secret must be ${MIN_SECRET} to ${MAX_SECRET} characters long`);
  }
  return value;
}

/**
 * Reads and checks a rule from a request body: every field but the write-only ones is required
 * (a change sends the rule whole, merged with what it changes), and the search must read whole:
 * a term the console would skip must not silently widen an alert.
 */
export function parseRuleInput(body: unknown): AlertRuleInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RuleInputError('the body must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  const name = text(fields, 'name', MAX_NAME);
  if (name === '') throw new RuleInputError('name must not be empty');
  const query = text(fields, 'query', MAX_QUERY);
  const parsed = parseSearchQuery(query);
  const [firstError] = parsed.errors;
  if (firstError) throw new RuleInputError(`query: ${firstError.message} (${firstError.term})`);
  const [contextFlag] = contextFlagsOf(parsed.query);
  if (contextFlag) {
    throw new RuleInputError(
      `query: ${contextFlag}: depends on other events and cannot be used in a rule; use the threshold and window`,
    );
  }
  if (typeof fields.enabled !== 'boolean')
    throw new RuleInputError('enabled must be true or false');
  const input: AlertRuleInput = {
    name,
    query,
    threshold: whole(fields, 'threshold', 1, MAX_THRESHOLD),
    windowSeconds: whole(fields, 'windowSeconds', 0, MAX_WINDOW_SECONDS),
    groupBy: oneOf(fields, 'groupBy', GROUP_BY),
    enabled: fields.enabled,
    webhookFormat: oneOf(fields, 'webhookFormat', WEBHOOK_FORMATS),
  };
  if (input.windowSeconds === 0 && input.threshold !== 1) {
    throw new RuleInputError('a threshold above 1 needs a window');
  }
  if (fields.webhookUrl !== undefined) {
    input.webhookUrl = webhookUrl(text(fields, 'webhookUrl', MAX_URL));
  }
  const given = secret(fields);
  if (given !== undefined) input.secret = given;
  return input;
}

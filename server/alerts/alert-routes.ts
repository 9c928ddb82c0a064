/**
 * The console's own API for alerts, an extension Pulumi Cloud does not have, under
 * `/api/orgs/{org}/console/alerts` (the `console/` segment marks it as ours). Admins of
 * Enterprise organizations only, as the audit log itself; errors in Pulumi's JSON shape.
 * Webhook URLs and secrets are write-only: sealed at rest, never in an answer or a log line.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError } from '../http/pulumi-error.ts';
import { sealText } from '../session/session-seal.ts';
import {
  parseRuleInput,
  RuleInputError,
  type AlertRule,
  type AlertRuleInput,
  type RuleSettings,
} from './alert-rule.ts';
import { sealedContext, type AlertsStore, type StoredRule } from './alerts-store.ts';
import { READY_MADE_RULES } from './ready-made-rules.ts';

export interface AlertRoutesDeps {
  /**
   * Who may use the routes, before anything else: an admin of an Enterprise organization, as
   * the audit log itself (the embedded service checks its store; upstream mode asks Pulumi).
   */
  access: readonly MiddlewareHandler<AppEnv>[];
  /** Where a rule created, or turned back on, now starts: the last event id of `org`. */
  startCursor: (org: string) => number;
  /** How the rules are evaluated, for the Alerts page: `{evaluation: 'embedded'}`. */
  describeEvaluation: (org: string) => Record<string, unknown>;
  alerts: AlertsStore;
  /** Seals webhook URLs and secrets (server/secrets.ts, purpose `alert-secrets`). */
  secretKey: Buffer;
  /** Why the outbound guard would refuse a webhook URL, or undefined (guarded-webhook-send.ts). */
  checkWebhookUrl: (url: string) => Promise<string | undefined>;
  /** Milliseconds. */
  now?: () => number;
}

export const ALERTS_PATH = '/orgs/:org/console/alerts';
const MAX_BODY_BYTES = 16 * 1024;
const MAX_HISTORY = 200;

/** A rule as answered: no URL, no secret. */
export function publicRule(rule: StoredRule): AlertRule {
  return {
    id: rule.id,
    org: rule.org,
    name: rule.name,
    query: rule.query,
    threshold: rule.threshold,
    windowSeconds: rule.windowSeconds,
    groupBy: rule.groupBy,
    enabled: rule.enabled,
    webhookOrigin: rule.webhookOrigin,
    webhookFormat: rule.webhookFormat,
    hasSecret: rule.sealedSecret !== null,
    createdAt: rule.createdAt,
  };
}

async function readInput(body: Promise<unknown>, merge?: StoredRule): Promise<AlertRuleInput> {
  let json: unknown;
  try {
    json = await body;
  } catch {
    throw new HttpError(400, 'the body must be JSON');
  }
  try {
    if (merge && typeof json === 'object' && json !== null && !Array.isArray(json)) {
      return parseRuleInput({ ...publicRule(merge), ...json });
    }
    return parseRuleInput(json);
  } catch (error) {
    if (error instanceof RuleInputError) throw new HttpError(400, error.message);
    throw error;
  }
}

/** The settings alone, so the write-only fields never land in a stored rule unsealed. */
function settingsOf(input: AlertRuleInput): RuleSettings {
  const { name, query, threshold, windowSeconds, groupBy, enabled, webhookFormat } = input;
  return { name, query, threshold, windowSeconds, groupBy, enabled, webhookFormat };
}

/** The URL, once the outbound guard would send there: refused now beats failing at 3 a.m. */
async function checkedUrl(deps: AlertRoutesDeps, raw: string): Promise<URL> {
  const refused = await deps.checkWebhookUrl(raw);
  if (refused) throw new HttpError(400, `webhookUrl: ${refused}`);
  return new URL(raw);
}

function findRule(deps: AlertRoutesDeps, org: string, id: string): StoredRule {
  const rule = deps.alerts.findRule(org, id);
  if (!rule) throw new HttpError(404, `Alert rule '${id}' not found`);
  return rule;
}

/** Routes mounted at `/api`, in the embedded service and in upstream mode alike. */
export function createAlertRoutes(deps: AlertRoutesDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const now = deps.now ?? Date.now;
  const seal = (rule: { org: string; id: string }, text: string) =>
    sealText(deps.secretKey, text, sealedContext(rule));
  const guard = [
    ...deps.access,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  ];
  for (const path of [ALERTS_PATH, `${ALERTS_PATH}/*`]) api.use(path, ...guard);
  api.get(ALERTS_PATH, (c) =>
    c.json({
      ...deps.describeEvaluation(c.req.param('org')),
      rules: deps.alerts.listRules(c.req.param('org')).map(publicRule),
      readyMade: READY_MADE_RULES,
    }),
  );
  api.post(ALERTS_PATH, async (c) => {
    const input = await readInput(c.req.json());
    if (input.webhookUrl === undefined) throw new HttpError(400, 'webhookUrl is required');
    const url = await checkedUrl(deps, input.webhookUrl);
    const owner = { id: randomUUID(), org: c.req.param('org') };
    const rule: StoredRule = {
      ...owner,
      ...settingsOf(input),
      webhookOrigin: url.origin,
      sealedWebhookUrl: seal(owner, url.href),
      sealedSecret: input.secret ? seal(owner, input.secret) : null,
      createdAt: Math.floor(now() / 1000),
      // A new rule alerts on what is logged from now on, not on the past.
      evaluatedThrough: deps.startCursor(owner.org),
    };
    deps.alerts.insertRule(rule);
    return c.json(publicRule(rule), 201);
  });
  api.get(`${ALERTS_PATH}/deliveries`, (c) => {
    const deliveries = deps.alerts.listDeliveries(c.req.param('org'), MAX_HISTORY);
    return c.json({
      deliveries: deliveries.map(({ alert: _alert, ...delivery }) => delivery),
    });
  });
  api.patch(`${ALERTS_PATH}/:id`, async (c) => {
    const stored = findRule(deps, c.req.param('org'), c.req.param('id'));
    const input = await readInput(c.req.json(), stored);
    const url =
      input.webhookUrl === undefined ? undefined : await checkedUrl(deps, input.webhookUrl);
    const counting = (r: Pick<StoredRule, 'query' | 'threshold' | 'windowSeconds' | 'groupBy'>) =>
      `${r.query}\n${r.threshold}\n${r.windowSeconds}\n${r.groupBy}`;
    const next: StoredRule = {
      ...stored,
      ...settingsOf(input),
      webhookOrigin: url ? url.origin : stored.webhookOrigin,
      sealedWebhookUrl: url ? seal(stored, url.href) : stored.sealedWebhookUrl,
      sealedSecret:
        input.secret === undefined
          ? stored.sealedSecret
          : input.secret === ''
            ? null
            : seal(stored, input.secret),
      // Turned back on, a rule starts from now: what happened while it was off is not news.
      evaluatedThrough:
        input.enabled && !stored.enabled ? deps.startCursor(stored.org) : stored.evaluatedThrough,
    };
    deps.alerts.updateRule(next, counting(next) !== counting(stored));
    return c.json(publicRule(next));
  });
  api.delete(`${ALERTS_PATH}/:id`, (c) => {
    const { org, id } = c.req.param();
    if (!deps.alerts.deleteRule(org, id)) throw new HttpError(404, `Alert rule '${id}' not found`);
    return c.body(null, 204);
  });
  return api;
}

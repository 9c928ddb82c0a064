/**
 * Alerts in upstream mode (PULUMI_API_URL set) are not built yet: the console's own alerts
 * paths are answered here, never forwarded to Pulumi Cloud, with a message the console shows.
 * What is missing: a local database in upstream mode for rules and history, and the job that
 * reads Pulumi Cloud with the range reader under a token an admin gives for it.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { requireCredentials } from '../auth/authenticate.ts';
import { HttpError } from '../http/pulumi-error.ts';

export const UPSTREAM_ALERTS_MESSAGE =
  'Alerts run in the embedded service only: with PULUMI_API_URL set, this console does not evaluate rules yet.';

export function registerUpstreamAlerts(app: Hono<AppEnv>): void {
  app.all('/api/orgs/:org/console/*', requireCredentials, () => {
    throw new HttpError(501, UPSTREAM_ALERTS_MESSAGE);
  });
}

/**
 * The one schema of the log page's URL (`/orgs/{org}/audit-logs?…`): each field decodes from its
 * search parameter and encodes back, so parse and serialise cannot drift apart.
 * Decision note: docs/decisions/003-audit-log-view-url.md.
 */
import { z } from 'zod';
import { findEventType } from '../../../lib/event-catalog.ts';
import { formatIsoInstant, parseIsoInstant } from './iso-instant.ts';

export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type TimeZoneMode = 'local' | 'utc';

/** Logins as Pulumi and GitHub spell them: letters, digits, `.`, `_`, `-`. */
const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const isoInstant = z.codec(z.string(), z.int().nonnegative(), {
  decode: (text, ctx) => {
    const seconds = parseIsoInstant(text);
    if (seconds !== undefined) return seconds;
    ctx.issues.push({ code: 'custom', input: text, message: 'not a date and time (ISO 8601)' });
    return z.NEVER;
  },
  encode: formatIsoInstant,
});

/** Each field of the view, keyed by its search parameter; every field may be left out. */
export const viewFieldSchemas = {
  user: z.string().regex(LOGIN_PATTERN, 'not a user login'),
  event: z.string().refine((id) => findEventType(id) !== undefined, 'not a known event type'),
  range: z.enum(RANGE_PRESETS, 'not a time range (1h, 24h, 7d, 30d, 90d)'),
  from: isoInstant,
  to: isoInstant,
  tz: z.enum(['local', 'utc'], 'not a time zone (local, utc)'),
};

export const viewSchema = z.object({
  user: viewFieldSchemas.user.optional(),
  event: viewFieldSchemas.event.optional(),
  range: viewFieldSchemas.range.optional(),
  from: viewFieldSchemas.from.optional(),
  to: viewFieldSchemas.to.optional(),
  tz: viewFieldSchemas.tz.default('local'),
});

/** The view as the app uses it: `from`/`to` in Unix seconds, `to` exclusive. */
export type AuditLogView = z.output<typeof viewSchema>;

export type ViewParam = keyof typeof viewFieldSchemas;

/** The parameters in the order the URL prints them. */
export const VIEW_PARAMS = Object.keys(viewFieldSchemas) as ViewParam[];

export const DEFAULT_VIEW: AuditLogView = { tz: 'local' };

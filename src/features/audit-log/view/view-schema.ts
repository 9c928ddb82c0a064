/**
 * The one schema of the log page's URL (`/orgs/{org}/audit-logs?…`): each field decodes from its
 * search parameter and encodes back, so parse and serialise cannot drift apart. Plain checks
 * rather than a schema library: a few small fields do not need one in the first download.
 * Decision note: docs/decisions/003-audit-log-view-url.md.
 */
import { findEventType } from '../../../../common/pulumi/event-catalog.ts';
import { CHART_GROUPS, type ChartGroup } from '../../../lib/range-index/chart-group.ts';
import { parseEventIdentity } from '../../../../common/pulumi/event-identity.ts';
import { decodeWidths, encodeWidths, type ColumnWidths } from './column-widths.ts';
import { formatIsoInstant, parseIsoInstant } from './iso-instant.ts';

export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const TIME_ZONE_MODES = ['local', 'utc'] as const;
export type TimeZoneMode = (typeof TIME_ZONE_MODES)[number];
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];
/** The table's columns as the URL names them, in their default order. */
export const COLUMN_IDS = ['time', 'user', 'event', 'description', 'ip', 'token', 'flags'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The view as the app uses it: `from`/`to` in Unix seconds, `to` exclusive. */
export interface AuditLogView {
  user?: string;
  event?: string;
  range?: RangePreset;
  from?: number;
  to?: number;
  tz: TimeZoneMode;
  /** The search (`q=`), as typed; terms it cannot read are named in a notice, not dropped here. */
  q?: string;
  /** The event whose details are open (`details=1774448406-3fa2b1c9`), see event-identity.ts. */
  details?: string;
  /** How tall rows are; left out means comfortable. */
  density?: Density;
  /** Whether long values wrap instead of being cut; left out means cut. */
  wrap?: boolean;
  /** The columns shown, in order; left out means all, in `COLUMN_IDS` order. */
  cols?: readonly ColumnId[];
  /** Widths of resized columns (`w=description:480`); a column left out keeps its default. */
  w?: ColumnWidths;
  /** Follows new events as they are logged (an open-ended view only); left out means off. */
  live?: boolean;
  /** How the activity chart stacks its bars (`group=user`); left out means failures apart. */
  group?: ChartGroup;
}

export type ViewParam = keyof AuditLogView;

/**
 * A decoded field: its value, or why the text is not one. A value read in part (a list with bad
 * entries dropped) says what was dropped in `reason`.
 */
export type Decoded<T> = { ok: true; value: T; reason?: string } | { ok: false; reason: string };

/** How one field reads from its search parameter and prints back. */
export interface FieldCodec<T> {
  decode: (text: string) => Decoded<T>;
  encode: (value: T) => string;
}

function fieldCodec<T>(
  read: (text: string) => T | undefined,
  reason: string,
  encode: (value: T) => string = String,
): FieldCodec<T> {
  return {
    decode: (text) => {
      const value = read(text);
      return value === undefined ? { ok: false, reason } : { ok: true, value };
    },
    encode,
  };
}

/** Reads one of `values`, or nothing: `oneOf(['a', 'b'])('b') === 'b'`. */
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string): T | undefined =>
    (values as readonly string[]).includes(text) ? (text as T) : undefined;

/** Longer searches are a paste gone wrong, not a question. */
export const MAX_SEARCH_LENGTH = 1000;

/** Logins as Pulumi and GitHub spell them: letters, digits, `.`, `_`, `-`. */
const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** `on` or `off`, as a boolean. */
const onOff = fieldCodec(
  (text) => (text === 'on' ? true : text === 'off' ? false : undefined),
  'not on or off',
  (value: boolean) => (value ? 'on' : 'off'),
);

const isColumnId = (name: string): name is ColumnId =>
  (COLUMN_IDS as readonly string[]).includes(name);

/** A comma-separated list of distinct columns, at least one, each named in the reason if unknown. */
const columnList: FieldCodec<readonly ColumnId[]> = {
  decode: (text) => {
    const names = text.split(',');
    const unknown = names.filter((name) => !isColumnId(name));
    if (unknown.length > 0) {
      const listed = unknown.map((name) => `"${name}"`).join(', ');
      return { ok: false, reason: `unknown column ${listed} (columns: ${COLUMN_IDS.join(', ')})` };
    }
    if (new Set(names).size !== names.length) return { ok: false, reason: 'a column given twice' };
    return { ok: true, value: names as ColumnId[] };
  },
  encode: (value) => value.join(','),
};

/** Resized columns' widths; bad entries are dropped and the rest kept, each drop said. */
const columnWidths: FieldCodec<ColumnWidths> = {
  decode: (text) => {
    const { widths, problems } = decodeWidths(text, COLUMN_IDS);
    const reason = problems.length > 0 ? problems.join('; ') : undefined;
    if (Object.keys(widths).length === 0) return { ok: false, reason: reason ?? 'no widths' };
    return reason === undefined ? { ok: true, value: widths } : { ok: true, value: widths, reason };
  },
  encode: (value) => encodeWidths(value, COLUMN_IDS),
};

const isoInstant = fieldCodec(parseIsoInstant, 'not a date and time (ISO 8601)', formatIsoInstant);

type ViewFieldCodecs = { [K in ViewParam]-?: FieldCodec<NonNullable<AuditLogView[K]>> };

/** Each field of the view, keyed by its search parameter, in the order the URL prints them. */
export const viewFields: ViewFieldCodecs = {
  user: fieldCodec((text) => (LOGIN_PATTERN.test(text) ? text : undefined), 'not a user login'),
  event: fieldCodec((id) => (findEventType(id) ? id : undefined), 'not a known event type'),
  range: fieldCodec(oneOf(RANGE_PRESETS), 'not a time range (1h, 24h, 7d, 30d, 90d)'),
  from: isoInstant,
  to: isoInstant,
  tz: fieldCodec(oneOf(TIME_ZONE_MODES), 'not a time zone (local, utc)'),
  q: fieldCodec(
    (text) => (text.trim() !== '' && text.length <= MAX_SEARCH_LENGTH ? text : undefined),
    `not a search (empty, or over ${MAX_SEARCH_LENGTH} characters)`,
  ),
  details: fieldCodec(
    (text) => (parseEventIdentity(text) ? text : undefined),
    'not a link to an event (seconds-hash)',
  ),
  density: fieldCodec(oneOf(DENSITIES), 'not a row density (comfortable, compact)'),
  wrap: onOff,
  cols: columnList,
  w: columnWidths,
  live: onOff,
  group: fieldCodec(oneOf(CHART_GROUPS), `not a chart grouping (${CHART_GROUPS.join(', ')})`),
};

/** The parameters in the order the URL prints them. */
export const VIEW_PARAMS = Object.keys(viewFields) as ViewParam[];

export const DEFAULT_VIEW: AuditLogView = { tz: 'local' };

/**
 * What a field left out of the URL means, for the fields whose default is not `undefined` in the
 * view: a link that spells a default out reads as if it had left it out, and it is never written.
 */
export const IMPLIED_DEFAULTS: Partial<AuditLogView> = {
  tz: 'local',
  density: 'comfortable',
  wrap: false,
  cols: COLUMN_IDS,
  w: {},
  live: false,
  group: 'failed',
};

/**
 * The view's display settings alone, which change how rows look, never which rows (clearing
 * every filter keeps them): `displayOf({tz: 'utc', user: 'kim', wrap: true})` → `{tz: 'utc', wrap: true}`.
 */
export function displayOf({ tz, density, wrap, cols, w, live, group }: AuditLogView): AuditLogView {
  const display: AuditLogView = { tz };
  if (group !== undefined) display.group = group;
  if (live !== undefined) display.live = live;
  if (density !== undefined) display.density = density;
  if (wrap !== undefined) display.wrap = wrap;
  if (cols !== undefined) display.cols = cols;
  if (w !== undefined) display.w = w;
  return display;
}

/**
 * Pure parse and serialise of the view URL, with the reasons every dropped value was dropped,
 * so a bad link shows a notice instead of crashing or silently showing something else.
 */
import {
  DEFAULT_VIEW,
  IMPLIED_DEFAULTS,
  VIEW_PARAMS,
  viewFields,
  type AuditLogView,
  type FieldCodec,
  type ViewParam,
} from './view-schema.ts';

/** A search parameter that was dropped, and why. */
export interface IgnoredParam {
  param: string;
  value: string;
  reason: string;
}

export interface ParsedView {
  view: AuditLogView;
  ignored: IgnoredParam[];
}

const isViewParam = (name: string): name is ViewParam => (VIEW_PARAMS as string[]).includes(name);

/** A field's value as its parameter prints it. */
function encodeField(param: ViewParam, value: unknown): string {
  // Each field's codec takes that field's type; a loop over fields cannot say so to the compiler.
  return (viewFields[param] as FieldCodec<unknown>).encode(value);
}

/** Whether `value` is what leaving `param` out of the URL means. */
function isImpliedDefault(param: ViewParam, value: unknown): boolean {
  const implied = IMPLIED_DEFAULTS[param];
  return implied !== undefined && encodeField(param, implied) === encodeField(param, value);
}

function decodeFields(params: URLSearchParams, ignored: IgnoredParam[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [param, value] of params) {
    if (param === 'range' && value === 'all') {
      // "All time" is the default; a link may still spell it out.
      continue;
    } else if (!isViewParam(param)) {
      ignored.push({ param, value, reason: 'not a setting of this view' });
    } else if (seen.has(param)) {
      ignored.push({ param, value, reason: 'given more than once; the first is kept' });
    } else {
      seen.add(param);
      const result = viewFields[param].decode(value);
      if (result.reason !== undefined) ignored.push({ param, value, reason: result.reason });
      // A default spelled out is read as left out, so the view holds one form of it.
      if (result.ok && !isImpliedDefault(param, result.value)) fields[param] = result.value;
    }
  }
  return fields;
}

/** Rules between fields: a custom range wins over a preset, and it must not end before it starts. */
function checkCombination(
  fields: Record<string, unknown>,
  ignored: IgnoredParam[],
  raw: URLSearchParams,
) {
  const { from, to } = fields as { from?: number; to?: number };
  if (from !== undefined && to !== undefined && from >= to) {
    ignored.push({ param: 'from', value: raw.get('from') ?? '', reason: 'not before `to`' });
    ignored.push({ param: 'to', value: raw.get('to') ?? '', reason: 'not after `from`' });
    delete fields.from;
    delete fields.to;
  }
  if (fields.range !== undefined && (fields.from !== undefined || fields.to !== undefined)) {
    ignored.push({
      param: 'range',
      value: raw.get('range') ?? '',
      reason: 'a custom from/to is set',
    });
    delete fields.range;
  }
}

/**
 * Reads a view from search parameters, dropping what is invalid:
 * `parseViewParams(new URLSearchParams('user=kim&tz=utc')).view` → `{user: 'kim', tz: 'utc'}`.
 */
export function parseViewParams(params: URLSearchParams): ParsedView {
  const ignored: IgnoredParam[] = [];
  const fields = decodeFields(params, ignored);
  checkCombination(fields, ignored, params);
  // Every field was decoded by its own schema above; what is left out takes its default.
  return { view: { ...DEFAULT_VIEW, ...fields } as AuditLogView, ignored };
}

/**
 * Writes a view as search parameters in a fixed order, leaving defaults out:
 * `serializeViewParams({tz: 'local', event: 'stack-deleted'}).toString() === 'event=stack-deleted'`.
 */
export function serializeViewParams(view: AuditLogView): URLSearchParams {
  const params = new URLSearchParams();
  for (const param of VIEW_PARAMS) {
    const value = view[param];
    if (value === undefined || isImpliedDefault(param, value)) continue;
    params.set(param, encodeField(param, value));
  }
  return params;
}

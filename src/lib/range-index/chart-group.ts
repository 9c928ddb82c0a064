/**
 * How the activity chart stacks its bars (`group=` in the view's URL): authentication failures
 * apart from the rest, the commonest event categories, or the most active users, each with
 * everything else as "other".
 */
export const CHART_GROUPS = ['failed', 'category', 'user'] as const;
export type ChartGroup = (typeof CHART_GROUPS)[number];

/** The default: failures apart, as `failed:true` counts them. */
export const DEFAULT_CHART_GROUP: ChartGroup = 'failed';

/** Stacks named by category or user; the rest is one "other" stack, so colours stay few. */
export const CHART_GROUP_TOP = 5;

/** The key of the stack holding everything outside the top values. */
export const OTHER_SERIES = '';

/**
 * Limits and constants of the API that the browser and the embedded service must agree on.
 */

/** Pulumi's media type; the API accepts any `application/vnd.pulumi+N`. */
export const PULUMI_ACCEPT = 'application/vnd.pulumi+8';

/** Longest access token accepted anywhere; longer values are refused before any work on them. */
export const MAX_ACCESS_TOKEN_LENGTH = 512;

/**
 * The largest `pageSize` the embedded service answers (its extension of the API). Pulumi Cloud
 * has no such parameter and pages at its own size, so clients must work with any page size.
 */
export const LARGEST_PAGE_SIZE = 10_000;

/**
 * Events Pulumi Cloud sends per list page, whatever `pageSize` asks. The embedded service sends
 * as many when no `pageSize` is given, as Pulumi does.
 */
export const PULUMI_PAGE_EVENTS = 100;

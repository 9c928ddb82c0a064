/**
 * Links to one event (`details=` in the view URL; event-identity.ts names events). A shared
 * link opens the log around the event's moment, everything shown, with the event highlighted
 * and its details open.
 */
import {
  createEventIdentifier,
  eventContentHash,
  formatEventIdentity,
  parseEventIdentity,
} from '../../../../common/pulumi/event-identity.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { LoadedRows } from '../api/loaded-rows.ts';
import type { AuditLogView } from './view-schema.ts';

/** How much of the log a link shows before and after its event. */
export const EVENT_LINK_MARGIN_SECONDS = 30 * 60;

/**
 * The name of the row at `index`: its second, hash and ordinal among identical events of that
 * second above it. Identical events pass or fail any filter together, so counting within a
 * filtered view gives the same ordinal as the whole log.
 */
export function identityOfRow(rows: LoadedRows, index: number): string | undefined {
  const event = rows.at(index);
  if (!event) return undefined;
  const hash = eventContentHash(event);
  let ordinal = 0;
  for (let above = index - 1; above >= rows.start; above--) {
    const other = rows.at(above);
    if (!other || other.timestamp !== event.timestamp) break;
    if (eventContentHash(other) === hash) ordinal++;
  }
  return formatEventIdentity({ timestamp: event.timestamp, hash, ordinal });
}

/** The loaded row a link names, if it is loaded. */
export function rowOfIdentity(rows: LoadedRows, identity: string): number | undefined {
  const wanted = parseEventIdentity(identity);
  if (!wanted) return undefined;
  for (let index = rows.start; index < rows.end; index++) {
    if (rows.at(index)?.timestamp === wanted.timestamp && identityOfRow(rows, index) === identity) {
      return index;
    }
  }
  return undefined;
}

/** The event a link names among every event of its second, in the API's order. */
export function findLinkedEvent(
  eventsOfSecond: readonly AuditLogEvent[],
  identity: string,
): AuditLogEvent | undefined {
  const identify = createEventIdentifier();
  return eventsOfSecond.find((event) => formatEventIdentity(identify(event)) === identity);
}

/** The view a shared link opens: the event's hour, unfiltered, in the sharer's zone. */
export function eventLinkView(view: AuditLogView, identity: string): AuditLogView {
  const at = parseEventIdentity(identity)?.timestamp ?? 0;
  return {
    tz: view.tz,
    from: at - EVENT_LINK_MARGIN_SECONDS,
    to: at + EVENT_LINK_MARGIN_SECONDS + 1,
    details: identity,
  };
}

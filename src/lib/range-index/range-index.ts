/**
 * The range index: every event of a view's time range in columns (see row-columns.ts) over
 * dictionaries (see dictionaries.ts), newest first in the API's order. Audit events never
 * change, so a range is read once: an older range is added after the last row and a later
 * Refresh's newer events before the first; either keeps the API's order as long as batches
 * arrive newest first and do not overlap in time.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { createDictionaries, pairKey, userKey, type Dictionaries } from './dictionaries.ts';
import { FLAG_AUTH_FAILURE, FLAG_ORG_ADMIN, FLAG_STACK_ADMIN, RowColumns } from './row-columns.ts';

function assertNewestFirst(events: readonly AuditLogEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as AuditLogEvent).timestamp > (events[i - 1] as AuditLogEvent).timestamp) {
      throw new RangeError('a batch must be newest first');
    }
  }
}

export class RangeIndex {
  readonly columns = new RowColumns();
  readonly dictionaries: Dictionaries = createDictionaries();
  /** Changes with every addition, so derived data (markers, results) knows when it is stale. */
  version = 0;

  get size(): number {
    return this.columns.size;
  }

  /** Unix seconds of row `row` (0 is the newest). */
  timestamp(row: number): number {
    return this.columns.times[this.columns.head + row] as number;
  }

  /** Writes one event at physical position `at`, allocating only for values not seen yet. */
  private write(at: number, event: AuditLogEvent): void {
    const { columns: c, dictionaries: d } = this;
    const { user } = event;
    const login = user.githubLogin;
    const name = user.name ?? '';
    const avatarUrl = user.avatarUrl ?? '';
    const tokenID = event.tokenID ?? '';
    const tokenName = event.tokenName ?? '';
    const actorName = event.actorName ?? '';
    const actorUrn = event.actorUrn ?? '';
    c.times[at] = event.timestamp;
    c.flags[at] =
      (event.reqOrgAdmin ? FLAG_ORG_ADMIN : 0) |
      (event.reqStackAdmin ? FLAG_STACK_ADMIN : 0) |
      (event.authFailure ? FLAG_AUTH_FAILURE : 0);
    const ids = c.ids;
    ids.user[at] = d.user.idOfKey(userKey(login, name, avatarUrl), () => ({
      login,
      name,
      avatarUrl,
    }));
    ids.event[at] = d.event.idOf(event.event);
    ids.description[at] = d.description.idOf(event.description ?? '');
    ids.ip[at] = d.ip.idOf(event.sourceIP ?? '');
    ids.token[at] = d.token.idOfKey(pairKey(tokenID, tokenName), () => ({
      id: tokenID,
      name: tokenName,
    }));
    ids.actor[at] = d.actor.idOfKey(pairKey(actorName, actorUrn), () => ({
      name: actorName,
      urn: actorUrn,
    }));
    [ids.shape[at], ids.kept[at]] = d.shape.idsOfEvent(event);
  }

  /**
   * Adds events older than every indexed one (the next pages of a read, or an older range),
   * newest first: `index.addOlder(page.auditLogEvents)`.
   */
  addOlder(events: readonly AuditLogEvent[]): void {
    assertNewestFirst(events);
    const first = events[0];
    if (!first) return;
    if (this.size > 0 && first.timestamp > this.timestamp(this.size - 1)) {
      throw new RangeError('older events must not be newer than the oldest indexed event');
    }
    const { columns } = this;
    columns.reserveBack(events.length);
    let at = columns.head + columns.size;
    for (const event of events) this.write(at++, event);
    columns.size += events.length;
    this.version++;
  }

  /**
   * Adds events newer than every indexed one (what a Refresh read), newest first, before row 0:
   * `index.addNewer(newerEvents)`.
   */
  addNewer(events: readonly AuditLogEvent[]): void {
    assertNewestFirst(events);
    const last = events[events.length - 1];
    if (!last) return;
    if (this.size > 0 && last.timestamp < this.timestamp(0)) {
      throw new RangeError('newer events must not be older than the newest indexed event');
    }
    const { columns } = this;
    columns.reserveFront(events.length);
    columns.head -= events.length;
    let at = columns.head;
    for (const event of events) this.write(at++, event);
    columns.size += events.length;
    this.version++;
  }

  /**
   * Drops every row at or after `time` (the newest rows), so that a re-read of those seconds
   * can take their place: events can reach the log late, and a second read whole must replace
   * the first, never add to it. `index.dropNewerFrom(lastRead - SETTLE_SECONDS)`.
   */
  dropNewerFrom(time: number): void {
    const dropped = this.firstRowBefore(time);
    if (dropped === 0) return;
    this.columns.head += dropped;
    this.columns.size -= dropped;
    this.version++;
  }

  /** Row `row` as the API sent it: the same keys in the same order (event-shape.ts). */
  event(row: number): AuditLogEvent {
    const { columns, dictionaries: d } = this;
    const at = columns.head + row;
    const ids = columns.ids;
    const user = d.user.values[ids.user[at] as number]!;
    const token = d.token.values[ids.token[at] as number]!;
    const actor = d.actor.values[ids.actor[at] as number]!;
    const flags = columns.flags[at] as number;
    return d.shape.build(ids.shape[at] as number, ids.kept[at] as number, {
      timestamp: columns.times[at] as number,
      event: d.event.values[ids.event[at] as number]!,
      sourceIP: d.ip.values[ids.ip[at] as number]!,
      description: d.description.values[ids.description[at] as number]!,
      tokenID: token.id,
      tokenName: token.name,
      actorName: actor.name,
      actorUrn: actor.urn,
      reqOrgAdmin: (flags & FLAG_ORG_ADMIN) !== 0,
      reqStackAdmin: (flags & FLAG_STACK_ADMIN) !== 0,
      authFailure: (flags & FLAG_AUTH_FAILURE) !== 0,
      user: { githubLogin: user.login, name: user.name, avatarUrl: user.avatarUrl },
    });
  }

  /** Rows [first, end) whose time is in [from, to), by binary search (rows are newest first). */
  rowsBetween(from: number, to: number): [first: number, end: number] {
    return [this.firstRowBefore(to), this.firstRowBefore(from)];
  }

  /** The first row older than `time` (size when none is). */
  private firstRowBefore(time: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.timestamp(mid) >= time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Drops spare room in the columns; call when a load ends. */
  trim(): void {
    this.columns.trim();
  }
}

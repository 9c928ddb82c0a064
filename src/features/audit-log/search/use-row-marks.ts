/**
 * Marker badges for the rows in view, whichever source they come from: the rows are named by
 * identity and the index says which are a user's first event from an address or part of a
 * burst of failures. Asked again when the rows in view or the index change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { IndexSession, IndexStatus } from '../../../lib/range-index/index-session.ts';
import type { LoadedRows } from '../api/loaded-rows.ts';
import type { RowRange } from '../components/use-settled-range.ts';
import { identityOfRow } from '../view/event-link.ts';

export function useRowMarks(
  session: IndexSession | undefined,
  status: IndexStatus | undefined,
  rows: LoadedRows,
  visible: RowRange,
): (event: AuditLogEvent) => number {
  const [marks, setMarks] = useState(() => new WeakMap<AuditLogEvent, number>());
  const revision = status?.revision ?? 0;
  const indexed = status?.progress.events ?? 0;
  const { first, last } = visible;
  useEffect(() => {
    if (!session || indexed === 0) return;
    const events: AuditLogEvent[] = [];
    const identities: string[] = [];
    for (let index = Math.max(first, rows.start); index <= last && index < rows.end; index++) {
      const event = rows.at(index);
      const identity = identityOfRow(rows, index);
      if (event && identity) {
        events.push(event);
        identities.push(identity);
      }
    }
    if (events.length === 0) return;
    let current = true;
    session
      .marks(identities)
      .then(({ marks: bits }) => {
        if (!current) return;
        const next = new WeakMap<AuditLogEvent, number>();
        events.forEach((event, k) => next.set(event, bits[k] ?? 0));
        setMarks(next);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [session, revision, indexed, rows, first, last]);
  return useCallback((event: AuditLogEvent) => marks.get(event) ?? 0, [marks]);
}

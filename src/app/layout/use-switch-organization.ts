/**
 * Switching organization from the header keeps the view's filters that still apply there
 * (features/audit-log/view/carry-view.ts) and says which it left behind. Whether a filtered
 * user is in the other organization is asked of its log: one event of theirs, any time.
 */
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { carryView, usersNamedBy } from '../../features/audit-log/view/carry-view.ts';
import { droppedParamsState } from '../../features/audit-log/view/use-canonical-view-url.ts';
import { parseViewParams, serializeViewParams } from '../../features/audit-log/view/view-params.ts';
import { getAuditLogPage } from '../../lib/get-audit-log-page.ts';
import { orgAuditLogPath } from '../paths.ts';

/** A lookup slower than this leaves the filter in place (the empty view can lift it). */
const LOOKUP_TIMEOUT_MS = 5000;

/** Whether `login` has no events in `org`; undefined when the log could not say (refused, offline). */
async function hasNoEvents(org: string, login: string): Promise<boolean | undefined> {
  try {
    const page = await getAuditLogPage(
      { org, user: login },
      { pageSize: 1, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) },
    );
    return page.auditLogEvents.length === 0;
  } catch {
    return undefined;
  }
}

/** `switchTo('hobby')` opens hobby's log with what of the current view applies there. */
export function useSwitchOrganization(fromOrg: string) {
  const navigate = useNavigate();
  const location = useLocation();
  const [pending, setPending] = useState(false);
  const switchTo = async (toOrg: string) => {
    const { view } = parseViewParams(new URLSearchParams(location.search));
    setPending(true);
    const absentUsers = new Set<string>();
    await Promise.all(
      usersNamedBy(view).map(async (login) => {
        if (await hasNoEvents(toOrg, login)) absentUsers.add(login);
      }),
    );
    const carried = carryView(view, { fromOrg, toOrg, absentUsers });
    setPending(false);
    const search = serializeViewParams(carried.view).toString();
    await navigate(
      { pathname: orgAuditLogPath(toOrg), search: search ? `?${search}` : '' },
      {
        state:
          carried.dropped.length > 0
            ? droppedParamsState(carried.dropped, `Some filters do not apply in ${toOrg}`)
            : null,
      },
    );
  };
  return { switchTo, pending };
}

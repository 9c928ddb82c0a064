import type { IconName } from '../../../components/icon.tsx';
import { iconMaskClass } from '../../../components/icon-mask.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { MARK_BURST, MARK_FIRST_IP } from '../../../lib/range-index/markers.ts';
import { FLAG_LABELS, MARK_LABELS } from '../format/describe-flags.ts';

interface Flag {
  on: boolean | undefined;
  icon: IconName;
  label: string;
  tone: string;
}

/**
 * Compact markers with their meaning as accessible text and tooltip: the event's own flags,
 * and the range index's markers (`MARK_FIRST_IP`, `MARK_BURST` bits in `marks`).
 */
export function FlagsCell({ event, marks = 0 }: { event: AuditLogEvent; marks?: number }) {
  const flags: Flag[] = [
    { on: (marks & MARK_BURST) !== 0, icon: 'zap', label: MARK_LABELS.burst, tone: 'danger' },
    {
      on: (marks & MARK_FIRST_IP) !== 0,
      icon: 'sparkle',
      label: MARK_LABELS.firstIp,
      tone: 'machine',
    },
    { on: event.authFailure, icon: 'shieldX', label: FLAG_LABELS.authFailure, tone: 'danger' },
    { on: event.reqOrgAdmin, icon: 'crown', label: FLAG_LABELS.reqOrgAdmin, tone: 'org' },
    { on: event.reqStackAdmin, icon: 'layers', label: FLAG_LABELS.reqStackAdmin, tone: 'stack' },
  ];
  return (
    <div className="cell-flags">
      {flags
        .filter((flag) => flag.on)
        .map((flag) => (
          <span
            key={flag.icon}
            className={`flag flag--${flag.tone} icon-mask ${iconMaskClass(flag.icon)}`}
            role="img"
            aria-label={flag.label}
            title={flag.label}
          />
        ))}
    </div>
  );
}

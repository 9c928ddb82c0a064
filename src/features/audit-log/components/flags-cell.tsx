import { Icon, type IconName } from '../../../components/icon.tsx';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { FLAG_LABELS } from '../format/describe-flags.ts';

interface Flag {
  on: boolean | undefined;
  icon: IconName;
  label: string;
  tone: string;
}

/** Compact markers with their meaning as accessible text and tooltip. */
export function FlagsCell({ event }: { event: AuditLogEvent }) {
  const flags: Flag[] = [
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
            className={`flag flag--${flag.tone}`}
            role="img"
            aria-label={flag.label}
            title={flag.label}
          >
            <Icon name={flag.icon} size={14} />
          </span>
        ))}
    </div>
  );
}

import { Notice } from '../../../components/notice.tsx';
import type { IgnoredParam } from '../view/view-params.ts';

interface IgnoredParamsNoticeProps {
  ignored: IgnoredParam[];
  title?: string;
  onDismiss: () => void;
}

const MAX_VALUE_LENGTH = 60;
const shorten = (value: string) =>
  value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;

/** Says which parts of the link were dropped and why, so a shared link never fails silently. */
export function IgnoredParamsNotice({
  ignored,
  title = 'Some parts of the link were ignored',
  onDismiss,
}: IgnoredParamsNoticeProps) {
  if (ignored.length === 0) return null;
  return (
    <Notice tone="warning" title={title} onDismiss={onDismiss}>
      <ul className="ignored-list">
        {ignored.map((item, index) => (
          <li key={`${item.param}-${index}`}>
            <code>
              {item.param}={shorten(item.value)}
            </code>{' '}
            — {item.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

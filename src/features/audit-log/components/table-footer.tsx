import { Button } from '../../../components/button.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import { formatCount } from '../../../lib/count-format.ts';

interface TableFooterProps {
  loadedCount: number;
  hasMore: boolean;
  isLoadingMore: boolean;
  /** Set when the last attempt to load the next page failed. */
  loadError?: string;
  onRetry: () => void;
}

/** The row under the table: where loading happens and where the log visibly ends. */
export function TableFooter({
  loadedCount,
  hasMore,
  isLoadingMore,
  loadError,
  onRetry,
}: TableFooterProps) {
  let content;
  if (loadError) {
    content = (
      <>
        <span>Older events could not be loaded: {loadError}</span>
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </>
    );
  } else if (hasMore || isLoadingMore) {
    content = (
      <>
        <Spinner size={14} />
        <span>Loading older events…</span>
      </>
    );
  } else {
    content = (
      <span>
        Start of the audit log for this view: {formatCount(loadedCount)}{' '}
        {loadedCount === 1 ? 'event' : 'events'}
      </span>
    );
  }
  return (
    <div className="table-footer" role="status" data-testid="table-footer">
      {content}
    </div>
  );
}

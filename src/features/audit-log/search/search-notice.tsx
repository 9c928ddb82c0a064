import { Notice } from '../../../components/notice.tsx';
import type { SearchQueryError } from '../../../lib/search-query/search-query-types.ts';

/** Names the terms of the search the console could not read; the rest is searched. */
export function SearchNotice({ errors }: { errors: SearchQueryError[] }) {
  if (errors.length === 0) return null;
  return (
    <Notice tone="warning" title="Some search terms were not understood and were left out">
      <ul className="ignored-list">
        {errors.map((error, index) => (
          <li key={`${error.term}-${index}`}>
            <code>{error.term}</code> — {error.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

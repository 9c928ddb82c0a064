/**
 * Structural sharing for the list query, page by page. TanStack Query's default compares a new
 * answer with the last one deeply, to keep what is equal; once the query holds its most pages
 * (`maxPages`), each new page moves every other one down a place, so the default compared up to
 * 20,000 events field by field on each page that arrived while the person scrolled. A page never
 * changes once fetched (the infinite query keeps the same object), so the same object is all
 * that needs checking.
 */

interface Paged {
  pages: readonly unknown[];
}

const isPaged = (value: unknown): value is Paged =>
  typeof value === 'object' && value !== null && Array.isArray((value as Paged).pages);

const sameItems = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * `previous` when `next` holds the same page objects (and page params) in the same order, else
 * `next`, as is: the query's data and the selects of it (`{pages: [first]}`) alike.
 */
export function sharePages(previous: unknown, next: unknown): unknown {
  if (!isPaged(previous) || !isPaged(next)) return next;
  const params = (value: object) => (value as { pageParams?: unknown[] }).pageParams;
  const same = sameItems(previous.pages, next.pages) && sameItems(params(previous), params(next));
  return same ? previous : next;
}

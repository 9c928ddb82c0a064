import { describe, expect, it } from 'vitest';
import { sharePages } from './share-pages.ts';

/** A page whose events may not be read: sharing must decide by the page object alone. */
function sealedPage(name: string) {
  return {
    name,
    get events(): never {
      throw new Error(`the events of ${name} were compared`);
    },
  };
}

describe('sharePages', () => {
  const [a, b, c] = [sealedPage('a'), sealedPage('b'), sealedPage('c')];

  it('keeps the previous answer when it holds the same pages in the same order', () => {
    const previous = { pages: [a, b], pageParams: [undefined, 1] };
    const next = { pages: [a, b], pageParams: [undefined, 1] };
    expect(sharePages(previous, next)).toBe(previous);
    // A select of the first page, as the view model observes it.
    const head = { pages: [a] };
    expect(sharePages(head, { pages: [a] })).toBe(head);
  });

  it('takes the new answer as is when a page moved, came or went, never reading a page', () => {
    const previous = { pages: [a, b], pageParams: [undefined, 1] };
    const moved = { pages: [b, c], pageParams: [1, 2] };
    expect(sharePages(previous, moved)).toBe(moved);
    const more = { pages: [a, b, c], pageParams: [undefined, 1, 2] };
    expect(sharePages(previous, more)).toBe(more);
    const params = { pages: [a, b], pageParams: [undefined, 9] };
    expect(sharePages(previous, params)).toBe(params);
  });

  it('takes anything that is not a set of pages as it comes', () => {
    expect(sharePages(undefined, { pages: [a] })).toEqual({ pages: [a] });
    expect(sharePages({ pages: [a] }, undefined)).toBeUndefined();
  });
});

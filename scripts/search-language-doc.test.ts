import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formattedSearchLanguageDoc, SEARCH_LANGUAGE_DOC } from './search-language-doc.ts';

describe('docs/search-language.md', () => {
  it('is what the parser’s own lists say (npx tsx scripts/write-search-language-doc.ts)', async () => {
    expect(readFileSync(SEARCH_LANGUAGE_DOC, 'utf8')).toBe(await formattedSearchLanguageDoc());
  });
});

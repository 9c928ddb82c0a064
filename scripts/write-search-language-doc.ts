/**
 * Writes docs/search-language.md from the search language's own lists.
 * Run: `npx tsx scripts/write-search-language-doc.ts`.
 */
import { writeFileSync } from 'node:fs';
import { formattedSearchLanguageDoc, SEARCH_LANGUAGE_DOC } from './search-language-doc.ts';

writeFileSync(SEARCH_LANGUAGE_DOC, await formattedSearchLanguageDoc());
console.info(`wrote ${SEARCH_LANGUAGE_DOC}`);

/** docs/search-language.md as the repository keeps it: the generated page, formatted by Prettier. */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { searchLanguageMarkdown } from '../src/lib/search-query/search-language-doc.ts';

export const SEARCH_LANGUAGE_DOC = fileURLToPath(
  new URL('../docs/search-language.md', import.meta.url),
);

export async function formattedSearchLanguageDoc(): Promise<string> {
  const options = (await resolveConfig(SEARCH_LANGUAGE_DOC)) ?? {};
  return format(searchLanguageMarkdown(), { ...options, parser: 'markdown' });
}

/**
 * docs/search-language.md, written from the lists the parser reads (search-keys.ts) and the
 * catalog's failure types, so the README's page and the console's `?` list say the same.
 * Regenerate: `npx tsx scripts/write-search-language-doc.ts` (scripts/search-language-doc.test.ts
 * fails when the page is stale).
 */
import { FAILURE_EVENT_TYPES } from '../../../common/pulumi/event-catalog.ts';
import { SEARCH_KEY_DOCS, SEARCH_OPERATOR_DOCS } from './search-keys.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${cell(text)}\``;

export function searchLanguageMarkdown(): string {
  const keys = SEARCH_KEY_DOCS.map((d) => {
    const syntax = d.value === 'flag' ? `${d.key}:true` : `${d.key}:`;
    return `| ${code(syntax)} | ${cell(d.summary)} | ${code(d.example)} |`;
  });
  const operators = SEARCH_OPERATOR_DOCS.map(
    (d) => `| ${code(d.syntax)} | ${cell(d.summary)} | ${code(d.example)} |`,
  );
  return [
    '# The search language',
    '',
    '<!-- Written by scripts/write-search-language-doc.ts from src/lib/search-query/search-keys.ts; do not edit by hand. -->',
    '',
    'The **Search** box (and `q=` in a link) takes words, keys and operators. Focus the empty box',
    'to list the keys; **?** lists them with the keyboard shortcuts. A term the console cannot',
    'read is named in a notice above the results and left out; the rest is searched.',
    '',
    '## Keys',
    '',
    '| Key | Matches | Example |',
    '| --- | --- | --- |',
    ...keys,
    '',
    'Keys are case-insensitive; a flag also takes `false` (`admin:false`). `user:` compares logins',
    'exactly (any case), `token:` a token’s name or ID, `actor:` and words any part of the text.',
    '',
    '## Combining terms',
    '',
    '| Write | Means | Example |',
    '| --- | --- | --- |',
    ...operators,
    '',
    '`a b OR c` is `(a b) OR c`: AND binds first, so use parentheses for',
    '`(event:team-created OR event:team-updated) user:dokonkwo`. Only `OR` and `AND` in capitals',
    'are operators; quote one to search for the word (`"OR"`).',
    '',
    '## Which events `failed:true` matches',
    '',
    'Every event the log flags as an authentication failure (`authFailure`), and every event of',
    'these types, which record a failed authentication or login whether flagged or not:',
    ...FAILURE_EVENT_TYPES.map((event) => `- \`${event}\``),
    '',
    'The activity chart stacks the same events as failures. `burst:true` counts flagged',
    'failures from one address.',
    '',
  ].join('\n');
}

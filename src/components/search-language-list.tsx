/** The search language as the `?` list prints it: keys and operators, each with an example. */
import { Fragment } from 'react';
import { SEARCH_KEY_DOCS, SEARCH_OPERATOR_DOCS } from '../lib/search-query/search-keys.ts';

export function SearchLanguageList() {
  const rows = [
    ...SEARCH_KEY_DOCS.map((d) => ({
      syntax: d.value === 'flag' ? `${d.key}:true` : `${d.key}:`,
      summary: d.summary,
      example: d.example,
    })),
    ...SEARCH_OPERATOR_DOCS,
  ];
  return (
    <dl className="shortcuts-list search-language-list">
      {rows.map((row) => (
        <Fragment key={row.syntax}>
          <dt>
            <code>{row.syntax}</code>
          </dt>
          <dd>
            {row.summary}
            <br />
            <code className="search-language-list__example">{row.example}</code>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

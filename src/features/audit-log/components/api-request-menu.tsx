/**
 * "API request": the view as the V2 export URL and a curl command, for scripts and SIEM jobs,
 * each with a copy button. The token is a placeholder; a search the API cannot answer is said.
 */
import { useId } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { curlCommand, exportUrl, TOKEN_PLACEHOLDER } from '../view/api-request.ts';

interface ApiRequestMenuProps {
  /** The API question of the view; undefined until its first page resolved the bounds. */
  query: AuditLogQuery | undefined;
  /** The part of the view only the console answers, when there is one. */
  search: string | undefined;
}

/** One read-only text with its label and a copy button. */
function CopyableText({
  label,
  what,
  rows,
  text,
}: {
  label: string;
  what: string;
  rows: number;
  text: string;
}) {
  const id = useId();
  return (
    <>
      <label className="api-request__label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} className="api-request__text" readOnly rows={rows} value={text} />
      <CopyButton
        label={`Copy ${what}`}
        icon="copy"
        text={() => text}
        copiedMessage={`${what[0]!.toUpperCase()}${what.slice(1)} copied`}
        failedMessage={`The ${what} could not be copied; select it and copy`}
      />
    </>
  );
}

export function ApiRequestMenu({ query, search }: ApiRequestMenuProps) {
  return (
    <Popover
      label="The view as an API request"
      triggerLabel="API request"
      triggerClassName="btn btn--secondary btn--md"
      align="end"
      trigger={
        <>
          <Icon name="code" size={14} />
          <span>API</span>
        </>
      }
    >
      {() => {
        if (!query) return <p className="muted">The view is still loading.</p>;
        const url = exportUrl(window.location.origin, query);
        const curl = curlCommand(url);
        return (
          <div className="api-request">
            <p className="api-request__lead">
              The V2 export of this view, for scripts. Set <code>{TOKEN_PLACEHOLDER}</code> to an
              organization access token first.
            </p>
            {search ? (
              <p className="api-request__warn" role="note">
                The API cannot apply the search <code>{search}</code>: this request returns every
                event of the filters and range below, and the search is left to you.
              </p>
            ) : null}
            <CopyableText label="Export URL" what="URL" rows={3} text={url} />
            <CopyableText label="curl" what="curl command" rows={6} text={curl} />
          </div>
        );
      }}
    </Popover>
  );
}

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

export function ApiRequestMenu({ query, search }: ApiRequestMenuProps) {
  const id = useId();
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
            <label className="api-request__label" htmlFor={`${id}-url`}>
              Export URL
            </label>
            <textarea
              id={`${id}-url`}
              className="api-request__text"
              readOnly
              rows={3}
              value={url}
            />
            <CopyButton
              label="Copy URL"
              icon="copy"
              text={() => url}
              copiedMessage="Export URL copied"
              failedMessage="The URL could not be copied; select it and copy"
            />
            <label className="api-request__label" htmlFor={`${id}-curl`}>
              curl
            </label>
            <textarea
              id={`${id}-curl`}
              className="api-request__text"
              readOnly
              rows={6}
              value={curl}
            />
            <CopyButton
              label="Copy curl command"
              icon="copy"
              text={() => curl}
              copiedMessage="curl command copied"
              failedMessage="The command could not be copied; select it and copy"
            />
          </div>
        );
      }}
    </Popover>
  );
}

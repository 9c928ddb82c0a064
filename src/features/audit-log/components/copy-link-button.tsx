import { CopyButton } from '../../../components/copy-button.tsx';

/** Copies the page's URL, which is the whole view (pinned times: the time range picker). */
export function CopyLinkButton() {
  return (
    <CopyButton
      label="Copy link"
      icon="link"
      text={() => window.location.href}
      copiedMessage="Link copied to the clipboard"
      failedMessage="The link could not be copied; copy it from the address bar"
    />
  );
}

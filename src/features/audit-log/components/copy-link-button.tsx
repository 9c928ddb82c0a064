import { CopyButton } from '../../../components/copy-button.tsx';

interface CopyLinkButtonProps {
  /**
   * The view's link with its rolling range pinned to the times on screen; set only for a rolling
   * view, whose own link means "the last 7 days" whenever it is opened.
   */
  pinnedLink?: () => string;
}

/** Copies the page's URL, which is the whole view; for a rolling view, also its fixed times. */
export function CopyLinkButton({ pinnedLink }: CopyLinkButtonProps) {
  return (
    <>
      <CopyButton
        label="Copy link"
        icon="link"
        text={() => window.location.href}
        copiedMessage="Link copied to the clipboard"
        failedMessage="The link could not be copied; copy it from the address bar"
      />
      {pinnedLink ? (
        <CopyButton
          label="Copy fixed link"
          icon="clock"
          text={pinnedLink}
          copiedMessage="Link to the times on screen copied to the clipboard"
          failedMessage="The link could not be copied"
        />
      ) : null}
    </>
  );
}

import { CopyButton } from '../../../components/copy-button.tsx';

/** Copies a value as indented JSON (for a ticket or a chat). */
export function CopyJsonButton({ value }: { value: unknown }) {
  return (
    <CopyButton
      label="Copy as JSON"
      icon="copy"
      text={() => JSON.stringify(value, null, 2)}
      copiedMessage="The event was copied as JSON"
      failedMessage="The event could not be copied"
    />
  );
}

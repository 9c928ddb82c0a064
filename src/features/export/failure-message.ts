/** Words for why an export stopped, for people rather than logs. */
import type { FailureKind } from '../../lib/retry-policy.ts';

/**
 * The message shown when an export stops:
 * `failureMessage('unauthorized', '')` tells the user to sign in again.
 */
export function failureMessage(kind: FailureKind, detail: string): string {
  switch (kind) {
    case 'unauthorized':
      return 'Your session has expired. Sign in again, then start the download again.';
    case 'refused':
      return `The server refused the export: ${detail}`;
    case 'invalid-response':
      return `The server sent something that is not an audit-log page, so the export stopped. ${detail}`;
    case 'rate-limited':
      return 'The server kept asking to slow down, and the retries ran out.';
    case 'server':
      return `The server kept failing (${detail}), and the retries ran out.`;
    case 'network':
      return 'The connection kept failing, and the retries ran out.';
    case 'aborted':
      return 'The export was cancelled.';
  }
}

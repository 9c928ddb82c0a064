/** The audit log was changed outside the service; the server refuses to serve it. */
export class TamperedLogError extends Error {
  override name = 'TamperedLogError';
}

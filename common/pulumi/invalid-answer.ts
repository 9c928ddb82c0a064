/**
 * A 2xx answer that is not what the API promises (a proxy's HTML page, a changed API): retrying
 * will not help, and the message says what was wrong.
 */
export class InvalidAnswerError extends Error {
  constructor(problem: string) {
    super(`Unexpected answer from the API: ${problem}`);
    this.name = 'InvalidAnswerError';
  }
}

/** A JSON object's fields, before they are checked. */
export type Fields = Record<string, unknown>;

/** A JSON object (not null, not a list): `isJsonObject({}) === true`, `isJsonObject([]) === false`. */
export function isJsonObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

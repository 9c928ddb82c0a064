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

import { describe, expect, it } from 'vitest';
import { InvalidAnswerError } from '../../../../common/pulumi/invalid-answer.ts';
import { checkEventTypes } from './check-event-types.ts';

describe('checkEventTypes', () => {
  it('defaults what is missing and leaves out entries without an event id', () => {
    expect(
      checkEventTypes({
        eventTypes: [{ event: 'user-login', category: 'authentication' }, { x: 1 }, null],
      }),
    ).toEqual([
      {
        event: 'user-login',
        displayName: 'user-login',
        category: 'authentication',
        requiresOrgAdmin: false,
        requiresStackAdmin: false,
        authenticationFailure: false,
        deprecated: false,
      },
    ]);
  });

  it.each([[null], [{}], [{ eventTypes: 'all' }], ['<html>']])('refuses %j', (body) => {
    expect(() => checkEventTypes(body)).toThrow(InvalidAnswerError);
  });
});

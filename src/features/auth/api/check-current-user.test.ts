import { describe, expect, it } from 'vitest';
import { InvalidAnswerError } from '../../../../common/pulumi/invalid-answer.ts';
import { checkCurrentUser } from './check-current-user.ts';

describe('checkCurrentUser', () => {
  it('reads a user without organizations (as Pulumi may send) as one with none', () => {
    expect(checkCurrentUser({ githubLogin: 'kim', name: 'Kim' })).toEqual({
      id: '',
      name: 'Kim',
      githubLogin: 'kim',
      avatarUrl: '',
      email: '',
      organizations: [],
    });
  });

  it('keeps known roles and reads an unknown role as none', () => {
    const user = checkCurrentUser({
      githubLogin: 'kim',
      organizations: [
        { githubLogin: 'acme', name: 'Acme', avatarUrl: 'https://a/x.png', role: 'admin' },
        { githubLogin: 'beta', role: 'owner-of-everything' },
      ],
    });
    expect(user.organizations).toEqual([
      { githubLogin: 'acme', name: 'Acme', avatarUrl: 'https://a/x.png', role: 'admin' },
      { githubLogin: 'beta', name: 'beta', avatarUrl: '', role: 'none' },
    ]);
  });

  it.each([
    ['not an object', '<html>'],
    ['no login', { name: 'Kim' }],
    ['organizations not a list', { githubLogin: 'kim', organizations: {} }],
    ['an organization without a login', { githubLogin: 'kim', organizations: [{ name: 'x' }] }],
  ])('refuses %s', (_name, body) => {
    expect(() => checkCurrentUser(body)).toThrow(InvalidAnswerError);
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from './sign-in-form.tsx';

const TOKEN = 'pul-' + 'c3'.repeat(20);
const USER = {
  id: 'kim',
  name: 'Kim',
  githubLogin: 'kim',
  avatarUrl: '',
  email: '',
  organizations: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  sessionStorage.clear();
});

describe('SignInForm', () => {
  it('posts the token once, then forgets it', async () => {
    const fetchMock = vi.fn(async () => Response.json(USER));
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = vi.fn();
    render(<SignInForm initialOrg="acme" onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText('Access token'), TOKEN);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(onSignedIn).toHaveBeenCalledWith(USER, 'acme');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/console/session');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ token: TOKEN });
    expect(screen.getByLabelText('Access token')).toHaveValue('');
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('says why a token was refused and keeps the form', async () => {
    const body = { code: 401, message: 'Unauthorized: No credentials provided or are invalid.' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(body, { status: 401 })),
    );
    const onSignedIn = vi.fn();
    render(<SignInForm onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText('Access token'), 'pul-wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not accepted/);
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});

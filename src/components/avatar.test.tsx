import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './avatar-src.ts';
import { Avatar } from './avatar.tsx';

describe('isHttpUrl', () => {
  it.each([
    ['https://avatars.githubusercontent.com/u/1', true],
    ['http://127.0.0.1:8080/avatars/kim.svg', true],
    ['javascript:alert(1)', false],
    ['data:image/svg+xml,<svg/>', false],
    ['/avatars/kim.svg', false],
    ['ftp://example.com/a.png', false],
    ['', false],
    [undefined, false],
  ])('%j → %j', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });
});

describe('Avatar', () => {
  it('shows the image for an http(s) URL', () => {
    const { container } = render(<Avatar src="https://example.com/kim.png" name="Kim Lee" />);
    expect(container.querySelector('img')).toHaveAttribute('src', 'https://example.com/kim.png');
  });

  it('draws the service’s own generated avatar as the same initials, with no image', () => {
    const src = `${window.location.origin}/avatars/kim.svg`;
    const { container } = render(<Avatar src={src} name="Kim Lee" login="kim" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('avatar-initials')).toHaveTextContent('KL');
  });

  it('falls back to initials when the image fails to load', () => {
    const { container } = render(<Avatar src="https://example.com/kim.png" name="Kim Lee" />);
    fireEvent.error(container.querySelector('img')!);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('avatar-initials')).toHaveTextContent('KL');
  });

  it.each(['javascript:alert(1)', 'data:image/png;base64,AAAA', 'not a url', ''])(
    'never loads %j',
    (src) => {
      const { container } = render(<Avatar src={src} name="Kim Lee" />);
      expect(container.querySelector('img')).toBeNull();
      expect(screen.getByTestId('avatar-initials')).toHaveTextContent('KL');
    },
  );

  it('tries again when a row is reused for another user', () => {
    const { container, rerender } = render(<Avatar src="https://example.com/a.png" name="A" />);
    fireEvent.error(container.querySelector('img')!);
    rerender(<Avatar src="https://example.com/b.png" name="B" />);
    expect(container.querySelector('img')).toHaveAttribute('src', 'https://example.com/b.png');
  });
});

import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from './sign-in-throttle.ts';

const options = { burst: 3, refillMs: 6000, maxKeys: 100 };
const TOKEN = `pul-${'a'.repeat(40)}`;

describe('the sign-in throttle', () => {
  it('allows a burst of failures per address, then asks to wait for the next refill', () => {
    const throttle = createSignInThrottle(options);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('a', `pul-${i}${'0'.repeat(39)}`, 0)).toBe(0);
      throttle.recordFailure('a', `pul-${i}${'0'.repeat(39)}`, 0);
    }
    expect(throttle.retryAfter('a', TOKEN, 1000)).toBe(5);
    expect(throttle.retryAfter('b', TOKEN, 1000)).toBe(0);
    expect(throttle.retryAfter('a', TOKEN, 6000)).toBe(0);
  });

  it('limits guesses at one token prefix from many addresses', () => {
    const throttle = createSignInThrottle(options);
    for (let i = 0; i < 3; i++) throttle.recordFailure(`203.0.113.${i}`, TOKEN, 0);
    expect(throttle.retryAfter('198.51.100.1', `${TOKEN.slice(0, 12)}ffff`, 0)).toBe(6);
    expect(throttle.retryAfter('198.51.100.1', `pul-${'b'.repeat(40)}`, 0)).toBe(0);
  });

  it('keeps a bounded number of keys', () => {
    const throttle = createSignInThrottle({ ...options, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) throttle.recordFailure(`a${i}`, `t${i}`, 0);
    // The oldest were forgotten, so their budget is whole again: the map did not grow.
    expect(throttle.retryAfter('a0', 't0', 0)).toBe(0);
  });
});

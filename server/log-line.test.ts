import { describe, expect, it } from 'vitest';
import { escapeLogText, logField, logLine } from './log-line.ts';

describe('log lines', () => {
  it('escape every value put into them and keep the literal text', () => {
    const path = '/a\nforged line';
    const stack = 'Error: boom\n    at x (\u001b[2J)\u2028';
    expect(logLine`error ${logField(path)}: ${stack} in ${12}ms`).toBe(
      'error /a\\nforged\\x20line: Error: boom\\n    at x (\\x1b[2J)\\u2028 in 12ms',
    );
  });

  it('escape the escape character, so an escape cannot be faked', () => {
    expect(escapeLogText('a\\nb')).toBe('a\\\\nb');
    expect(logLine`${'a\\nb'}`).not.toBe(logLine`${'a\nb'}`);
  });

  it('keep spaces except in a field', () => {
    expect(logLine`${'a b'} ${logField('c d')}`).toBe('a b c\\x20d');
  });
});

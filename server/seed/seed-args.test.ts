import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './seed-args.ts';

const CWD = '/srv/app';

describe('parseSeedArgs', () => {
  it('reads every flag', () => {
    const argv = [
      '--org',
      'acme',
      '--events',
      '1_000_000',
      '--seed',
      '7',
      '--days',
      '30',
      '--data-dir',
      'x',
    ];
    expect(parseSeedArgs(argv, {}, CWD)).toEqual({
      org: 'acme',
      events: 1_000_000,
      seed: 7,
      days: 30,
      dataDir: path.resolve(CWD, 'x'),
      help: false,
    });
  });

  it('defaults seed, days (none: the current second) and the data folder (flag, then DATA_DIR, then ./.data)', () => {
    const args = parseSeedArgs(['--org', 'hobby', '--events', '5'], {}, CWD);
    expect(args).toMatchObject({ seed: 42, days: undefined, dataDir: path.resolve(CWD, '.data') });
    expect(parseSeedArgs(['--org', 'a', '--events', '5'], { DATA_DIR: '/d' }, CWD).dataDir).toBe(
      '/d',
    );
    expect(
      parseSeedArgs(['--org', 'a', '--events', '5', '--data-dir', 'f'], { DATA_DIR: '/d' }, CWD)
        .dataDir,
    ).toBe(path.resolve(CWD, 'f'));
  });

  it('accepts --help without other flags', () => {
    expect(parseSeedArgs(['--help'], {}, CWD).help).toBe(true);
    expect(parseSeedArgs(['-h'], {}, CWD).help).toBe(true);
  });

  it.each([
    [[], /--org is required/],
    [['--org', 'acme'], /--events is required/],
    [['--org', 'acme', '--events', '0'], /--events must be an integer from 1/],
    [['--org', 'acme', '--events', '-5'], /--events/],
    [['--org', 'acme', '--events', '1e6'], /--events must be an integer.*got '1e6'/],
    [['--org', 'acme', '--events', '10', '--days', '0'], /--days must be an integer from 1/],
    [['--org', 'acme', '--events', '10', '--seed', 'x'], /--seed must be an integer from 0/],
    [['--org', 'acme', '--events', '10', '--colour', 'red'], /Unknown option '--colour'/],
    [['--org', 'acme', '--events', '10', 'extra'], /positional/],
    [['--org', '', '--events', '10'], /--org is required/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv, {}, CWD)).toThrow(message);
  });
});

/**
 * Command-line flags of the bulk seeder (`npm run seed -- --org acme --events 1000000`).
 * Parsing is separate from running so every bad flag has a tested, readable message.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface SeedArgs {
  org: string;
  events: number;
  seed: number;
  /** Spread the events over the last `days` days; undefined: stamp them all with the current second. */
  days: number | undefined;
  /** Absolute path of the folder holding `audit.db`. */
  dataDir: string;
  help: boolean;
}

export class SeedArgsError extends Error {
  override name = 'SeedArgsError';
}

export const SEED_USAGE =
  'usage: npm run seed -- --org <org> --events <count> [--seed <n>] [--days <n>] [--data-dir <dir>]\n' +
  '  --org       organization to append to (acme or hobby)\n' +
  '  --events    how many events to append (a positive integer, e.g. 1000000)\n' +
  '  --seed      seed of the generator, same seed = same events (default 42)\n' +
  '  --days      spread the events over the last N days (default: none, every event is\n' +
  '              stamped with the current second, so an open console sees them as newer)\n' +
  '  --data-dir  folder of audit.db (default $DATA_DIR, else ./.data)';

const MAX_EVENTS = 1_000_000_000;
const MAX_DAYS = 36_500;

function integerFlag(
  name: string,
  raw: string | undefined,
  fallback: number | undefined,
  min: number,
  max: number,
) {
  if (raw === undefined) {
    if (fallback === undefined) throw new SeedArgsError(`--${name} is required`);
    return fallback;
  }
  // Underscores are allowed so `1_000_000` can be typed as it is read.
  const value = /^\d[\d_]*$/.test(raw) ? Number(raw.replaceAll('_', '')) : NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) {
    throw new SeedArgsError(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/**
 * Parses the seeder's flags; throws `SeedArgsError` with a message for people:
 * `parseSeedArgs(['--org', 'acme', '--events', '10'], {}).days === undefined`.
 */
export function parseSeedArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        org: { type: 'string' },
        events: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new SeedArgsError(error instanceof Error ? error.message : String(error));
  }
  const help = values.help === true;
  const dataDir = path.resolve(cwd, values['data-dir'] || env.DATA_DIR || '.data');
  if (help) return { org: '', events: 0, seed: 0, days: undefined, dataDir, help };
  const org = values.org?.trim() ?? '';
  if (!org) throw new SeedArgsError('--org is required (acme or hobby)');
  return {
    org,
    events: integerFlag('events', values.events, undefined, 1, MAX_EVENTS),
    seed: integerFlag('seed', values.seed, 42, 0, 2 ** 32 - 1),
    days: values.days === undefined ? undefined : integerFlag('days', values.days, 1, 1, MAX_DAYS),
    dataDir,
    help,
  };
}

/**
 * Test-only fault injection for `/api/*`: `FAULTS="429:0.1,500:0.05,reset:0.02,delay:0-800"`.
 * Each request draws three numbers from a seeded PRNG in arrival order (fault, delay, Retry-After),
 * so a given seed and request order always produce the same faults.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http/app-env.ts';
import { pulumiError } from './http/pulumi-error.ts';
import { mulberry32 } from './seed/prng.ts';

export type FaultKind = '429' | '500' | 'reset';

export interface FaultPlan {
  shares: Record<FaultKind, number>;
  delayMs?: { min: number; max: number };
  seed: number;
}

const MAX_DELAY_MS = 60_000;

function parseDelay(value: string): { min: number; max: number } {
  const match = /^(\d+)-(\d+)$/.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (!match || min > max || max > MAX_DELAY_MS) {
    throw new Error(
      `FAULTS: delay must be MIN-MAX milliseconds (at most ${MAX_DELAY_MS}), got '${value}'`,
    );
  }
  return { min, max };
}

/** Parses the FAULTS syntax: `parseFaults('500:0.5', 1).shares['500'] === 0.5`; throws on errors. */
export function parseFaults(spec: string, seed: number): FaultPlan {
  const plan: FaultPlan = { shares: { '429': 0, '500': 0, reset: 0 }, seed };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, value = ''] = part.split(':', 2);
    if (kind === 'delay') {
      plan.delayMs = parseDelay(value);
    } else if (kind === '429' || kind === '500' || kind === 'reset') {
      const share = /^(0(\.\d+)?|1(\.0+)?)$/.test(value) ? Number(value) : NaN;
      if (Number.isNaN(share))
        throw new Error(`FAULTS: share for ${kind} must be a number from 0 to 1, got '${value}'`);
      plan.shares[kind] = share;
    } else {
      throw new Error(`FAULTS: unknown fault '${kind}' (use 429, 500, reset or delay)`);
    }
  }
  const total = plan.shares['429'] + plan.shares['500'] + plan.shares.reset;
  if (total > 1) throw new Error(`FAULTS: the shares add up to ${total}, more than 1`);
  return plan;
}

/**
 * What happens to one request, from its three draws:
 * `decideFault(parseFaults('500:1', 1), [0.3, 0, 0]).kind === '500'`.
 */
export function decideFault(plan: FaultPlan, draws: [number, number, number]) {
  const [which, delay, retry] = draws;
  const { shares } = plan;
  let kind: FaultKind | undefined;
  if (which < shares['429']) kind = '429';
  else if (which < shares['429'] + shares['500']) kind = '500';
  else if (which < shares['429'] + shares['500'] + shares.reset) kind = 'reset';
  const delayMs = plan.delayMs
    ? Math.round(plan.delayMs.min + delay * (plan.delayMs.max - plan.delayMs.min))
    : 0;
  return { kind, delayMs, retryAfterSeconds: retry < 0.5 ? 1 : 2 };
}

/** The middleware, mounted on `/api/*` only. */
export function faultInjection(plan: FaultPlan): MiddlewareHandler<AppEnv> {
  const random = mulberry32(plan.seed);
  return async (c, next) => {
    const { kind, delayMs, retryAfterSeconds } = decideFault(plan, [random(), random(), random()]);
    if (delayMs > 0) await sleep(delayMs);
    if (kind === '429') {
      c.header('Retry-After', String(retryAfterSeconds));
      return pulumiError(c, 429, 'Too Many Requests (injected fault)');
    }
    if (kind === '500') return pulumiError(c, 500, 'Internal Server Error (injected fault)');
    if (kind === 'reset') {
      c.env.incoming?.socket.destroy();
      return c.body(null, 500);
    }
    await next();
  };
}

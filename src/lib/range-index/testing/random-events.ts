/** Random audit events and queries over small pools, so that values repeat and queries match. */
import fc from 'fast-check';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { parseIpRange } from '../../ip-address/ip-range.ts';
import type { SearchQuery, SearchTerm } from '../../search-query/search-query-types.ts';
import { nestedQuery } from '../../search-query/testing/nested-query.ts';

export const LOGINS = ['kim', 'Kim', 'lee', 'acme-ci', 'İlkay'];
export const NAMES = ['Kim Park', 'Lee Chan', '', 'CI bot', 'İlkay Şahin'];
export const EVENTS = [
  'stack-deleted',
  'user-login-failed',
  'member-added',
  'not-in-catalog',
  'token-created',
];
export const IPS = [
  '203.0.113.7',
  '203.0.113.200',
  '10.1.2.3',
  '2001:db8::5',
  '2001:db8:1::9',
  '',
  'unknown',
];
export const DESCRIPTIONS = [
  'Stack "acme/web/prod" was deleted.',
  'Login FAILED for kim',
  'Member İlkay added',
  '',
  'Token "ci" created',
];
/** Two tokens share a name (as people's `pulumi-cli` tokens do); one has only an id. */
export const TOKENS = [
  { tokenID: 't-1', tokenName: 'ci' },
  { tokenID: 't-2', tokenName: 'Deploy Key' },
  { tokenID: 't-3', tokenName: 'CI' },
  { tokenID: 't-4' },
  {},
];
export const ACTORS = [
  { actorName: 'Pulumi Deployments', actorUrn: 'urn:pulumi:deployments:acme' },
  {},
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

export interface RandomLogShape {
  maxLength?: number;
  /** Seconds between neighbours, picked at random. */
  gaps?: number[];
  ips?: string[];
}

const draft = (gaps: number[], ips: string[]) =>
  fc.record({
    gap: fc.constantFrom(...gaps),
    login: fc.nat({ max: LOGINS.length - 1 }),
    avatar: fc.boolean(),
    event: pick(EVENTS),
    ip: pick(ips),
    description: pick(DESCRIPTIONS),
    token: pick(TOKENS),
    actor: pick(ACTORS),
    reqOrgAdmin: fc.boolean(),
    reqStackAdmin: fc.boolean(),
    authFailure: fc.constantFrom(false, true, true),
  });

/** Newest-first events with ties, gaps and every optional field sometimes left out. */
export const randomEvents = ({
  maxLength = 120,
  gaps = [0, 0, 1, 30, 200],
  ips = IPS,
}: RandomLogShape = {}) =>
  fc.array(draft(gaps, ips), { maxLength }).map((drafts) => {
    let time = 1_800_000_000;
    return drafts.map((d): AuditLogEvent => {
      time -= d.gap;
      const name = NAMES[d.login] as string;
      const event: AuditLogEvent = {
        timestamp: time,
        event: d.event,
        user: { githubLogin: LOGINS[d.login] as string },
        ...d.token,
        ...d.actor,
      };
      if (name) event.user.name = name;
      if (d.avatar) event.user.avatarUrl = `https://a/${d.login}.png`;
      if (d.ip) event.sourceIP = d.ip;
      if (d.description) event.description = d.description;
      if (d.reqOrgAdmin) event.reqOrgAdmin = true;
      if (d.reqStackAdmin) event.reqStackAdmin = true;
      if (d.authFailure) event.authFailure = true;
      return event;
    });
  });

const words = [
  'kim',
  'KIM',
  'failed',
  'stack',
  'İl',
  'i̇l',
  '203.0.113',
  'db8',
  'deploy',
  'acme',
  'member added',
  'x',
];
const ranges = [
  '203.0.113.0/24',
  '203.0.113.128/25',
  '10.0.0.0/8',
  '2001:db8::/32',
  '2001:db8::/48',
  '0.0.0.0/0',
  '10.1.2.3',
];

/** A random term drawn from the same pools. */
export const randomTerm: fc.Arbitrary<SearchTerm> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), negated: fc.boolean(), value: pick(words) }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constant('user' as const),
    value: pick(['kim', 'KIM', 'lee', 'ilkay', 'İlkay', 'nobody']),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constant('event' as const),
    value: pick(EVENTS),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constant('category' as const),
    value: pick(['stacks', 'authentication', 'organization', 'access-tokens']),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constant('token' as const),
    value: pick(['ci', 'CI', 't-2', 'T-3', 't-4', 'deploy key', 'deploy']),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constant('actor' as const),
    value: pick(['deployments', 'PULUMI', 'urn:pulumi', 'nope']),
  }),
  fc.record({
    kind: fc.constant('flag' as const),
    negated: fc.boolean(),
    key: pick(['failed', 'admin', 'first-ip', 'burst', 'machine'] as const),
    value: fc.boolean(),
  }),
  fc.tuple(fc.boolean(), pick(ranges)).map(([negated, value]) => ({
    kind: 'ip' as const,
    negated,
    value,
    range: parseIpRange(value)!,
  })),
);

/** A random query of those terms with parenthesised groups (`-(a OR b c)`), two deep at most. */
export const randomQuery: fc.Arbitrary<SearchQuery> = nestedQuery(randomTerm);

/** What the API may also send: explicit `false`s and empty strings, `null`s, fields we index not. */
const extras = fc.record(
  {
    reqOrgAdmin: fc.constant(false),
    authFailure: fc.constant(false),
    description: fc.constant(''),
    tokenName: fc.constant(''),
    sourceIP: fc.constant(null),
    requestId: fc.string({ maxLength: 4 }),
    retries: fc.integer(),
    internal: fc.constant(true),
    context: fc.constantFrom({ stack: 'web/prod' }, ['a', 1]),
  },
  { requiredKeys: [] },
);
const userExtras = fc.record(
  {
    email: fc.constantFrom('kim@acme.example', ''),
    name: fc.constant(''),
    avatarUrl: fc.constant(null),
    verified: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** `record`'s keys in the order `order` (a permutation's seeds) puts them. */
function reorder<T extends object>(record: T, order: number[]): T {
  const keys = Object.keys(record);
  const ranked = keys.map((key, i) => [order[i % order.length] ?? i, key] as const);
  ranked.sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(ranked.map(([, key]) => [key, record[key as keyof T]])) as T;
}

/**
 * Events as an API may send them: those of `randomEvents` with keys in any order (the user's
 * too), and sometimes explicit `false`s, empty strings, `null`s and fields the index does not
 * hold. Written back as JSON, each must be the line it came as.
 */
export const wireShapedEvents = (shape: RandomLogShape = {}) =>
  randomEvents(shape).chain((events) =>
    fc
      .tuple(
        ...events.map(() =>
          fc.tuple(extras, userExtras, fc.array(fc.nat(20), { minLength: 1, maxLength: 14 })),
        ),
      )
      .map((drafts) =>
        events.map((event, i): AuditLogEvent => {
          const [extra, userExtra, order] = drafts[i]!;
          const user = reorder({ ...event.user, ...userExtra }, order);
          return reorder({ ...event, ...extra, user } as AuditLogEvent, order.slice(1));
        }),
      ),
  );

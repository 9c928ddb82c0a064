/**
 * The search language's keys and operators, in one list: the parser reads the keys it names,
 * the search box offers them, the `?` dialog prints them, and docs/search-language.md (which the
 * README links to) is written from them, so none of these can drift apart.
 */

/** Keys whose value is text. */
export type TextKey = 'user' | 'event' | 'category' | 'token' | 'actor';
/** Keys whose value is `true` or `false`. */
export type FlagKey = 'failed' | 'admin' | 'first-ip' | 'burst' | 'machine';
export type SearchKey = TextKey | FlagKey | 'ip';

export interface SearchKeyDoc {
  key: SearchKey;
  /** What the value is. */
  value: 'text' | 'flag' | 'ip';
  /** One line: what the key matches. */
  summary: string;
  /** A search using it, which the parser reads without error (a unit test checks). */
  example: string;
}

/** The keys, most useful first (the placeholder names the first three). */
export const SEARCH_KEY_DOCS: readonly SearchKeyDoc[] = [
  {
    key: 'user',
    value: 'text',
    summary: 'events of one user, by login',
    example: 'user:dokonkwo',
  },
  {
    key: 'event',
    value: 'text',
    summary: 'one event type, by id',
    example: 'event:stack-deleted',
  },
  {
    key: 'failed',
    value: 'flag',
    summary: 'authentication failures and failed logins',
    example: 'failed:true',
  },
  {
    key: 'category',
    value: 'text',
    summary: 'every event type of a category',
    example: 'category:access-tokens',
  },
  {
    key: 'ip',
    value: 'ip',
    summary: 'a source address or CIDR block, IPv4 or IPv6',
    example: 'ip:203.0.113.0/24',
  },
  {
    key: 'token',
    value: 'text',
    summary: 'an access token, by name or ID',
    example: 'token:github-actions-deploy',
  },
  {
    key: 'actor',
    value: 'text',
    summary: 'who acted for a token (name or URN holds the text)',
    example: 'actor:deployments',
  },
  {
    key: 'machine',
    value: 'flag',
    summary: 'events a machine actor did through a token (-machine:true: people only)',
    example: '-machine:true',
  },
  {
    key: 'admin',
    value: 'flag',
    summary: 'events that needed an organization admin',
    example: 'admin:true',
  },
  {
    key: 'first-ip',
    value: 'flag',
    summary: 'a user’s first event from an address (in the range read)',
    example: 'first-ip:true',
  },
  {
    key: 'burst',
    value: 'flag',
    summary: '5 or more authentication failures from one address within 5 minutes',
    example: 'burst:true',
  },
];

/** How terms combine, with an example each (also checked by the parser's tests). */
export const SEARCH_OPERATOR_DOCS: readonly { syntax: string; summary: string; example: string }[] =
  [
    {
      syntax: 'word',
      summary: 'the text anywhere: description, user, event, address, token',
      example: 'deploy',
    },
    {
      syntax: '"a phrase"',
      summary: 'the words together; quote a value with spaces, OR or parentheses',
      example: '"stack deleted"',
    },
    {
      syntax: 'a b',
      summary: 'both (AND is the same); a key written twice means either',
      example: 'user:dokonkwo failed:true',
    },
    {
      syntax: 'a OR b',
      summary: 'either; OR in capitals (or is a word); AND binds first',
      example: 'event:team-created OR event:team-updated',
    },
    {
      syntax: '( )',
      summary: 'groups terms',
      example: '(event:team-created OR category:access-tokens) -user:dokonkwo',
    },
    {
      syntax: '-',
      summary: 'excludes a term or a group',
      example: '-(actor:deployments OR failed:true)',
    },
  ];

export const TEXT_KEYS: readonly TextKey[] = SEARCH_KEY_DOCS.filter((d) => d.value === 'text').map(
  (d) => d.key as TextKey,
);
export const FLAG_KEYS: readonly FlagKey[] = SEARCH_KEY_DOCS.filter((d) => d.value === 'flag').map(
  (d) => d.key as FlagKey,
);
export const SEARCH_KEYS: readonly SearchKey[] = SEARCH_KEY_DOCS.map((d) => d.key);

/**
 * The dictionaries of the range index: each distinct user, event, address, token, actor and
 * event shape (event-shape.ts) once.
 */
import { eventDisplayName } from '../../../common/pulumi/event-catalog.ts';
import { ShapeDictionary } from './event-shape.ts';
import { TextDictionary } from './text-dictionary.ts';
import { ValueDictionary } from './value-dictionary.ts';

export interface IndexedUser {
  login: string;
  name: string;
  avatarUrl: string;
}

export interface IndexedToken {
  id: string;
  name: string;
}

export interface IndexedActor {
  name: string;
  urn: string;
}

/**
 * The dictionary keys of composite values (one place, for the index's writer and lookups). Each
 * part but the last is prefixed by its length, so no two values share a key whatever characters
 * they hold: `pairKey('a', 'bc') !== pairKey('ab', 'c')`.
 */
export const userKey = (login: string, name: string, avatarUrl: string) =>
  `${login.length}:${login}${name.length}:${name}${avatarUrl}`;
export const pairKey = (first: string, second: string) => `${first.length}:${first}${second}`;

export function createDictionaries() {
  return {
    user: new ValueDictionary<IndexedUser>(
      (u) => userKey(u.login, u.name, u.avatarUrl),
      (u) => [u.login, u.name],
    ),
    event: new ValueDictionary<string>(
      (id) => id,
      (id) => [id, eventDisplayName(id)],
    ),
    description: new TextDictionary(),
    ip: new ValueDictionary<string>(
      (ip) => ip,
      (ip) => [ip],
    ),
    token: new ValueDictionary<IndexedToken>(
      (t) => pairKey(t.id, t.name),
      (t) => [t.name],
    ),
    actor: new ValueDictionary<IndexedActor>(
      (a) => pairKey(a.name, a.urn),
      (a) => [a.name, a.urn],
    ),
    shape: new ShapeDictionary(),
  };
}

export type Dictionaries = ReturnType<typeof createDictionaries>;

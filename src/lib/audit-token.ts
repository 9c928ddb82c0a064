/**
 * How the console names the access token an audit event was made with. A token has an id and a
 * name, and names are not unique: several people each have a personal token called
 * `pulumi-cli`. So a pivot (a search term) names the id, and a person reads the name, with the
 * start of the id where two tokens share it.
 */

/** A token as the index keeps it: '' where the event had no id or no name. */
export interface AuditToken {
  id: string;
  name: string;
}

/** How much of an id tells tokens apart in practice (ids are UUIDs). */
const SHORT_ID_LENGTH = 8;

/** The start of a token id, for reading: `shortTokenId('9b1c2d3e-4f5a-…') === '9b1c2d3e'`. */
export function shortTokenId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/**
 * What a search for exactly this token names: its id, or its name when the log gave no id
 * (then every token of that name matches): `tokenPivot({id: '', name: 'ci'}) === 'ci'`.
 */
export function tokenPivot(token: AuditToken): string {
  return token.id || token.name;
}

/** How many distinct ids were seen under each key. */
class DistinctIds {
  private readonly ids = new Map<string, Set<string>>();

  add(key: string, id: string): void {
    const ids = this.ids.get(key);
    if (ids) ids.add(id);
    else this.ids.set(key, new Set([id]));
  }

  count(key: string): number {
    return this.ids.get(key)?.size ?? 0;
  }
}

/**
 * What a person reads for each token of `tokens` (in the same order): its name, or its id when
 * it has none. A name that two ids share (case aside, as `token:NAME` matches) gets the start
 * of the id, or the whole id where the starts are equal, so the labels tell them apart:
 * `tokenLabels([{id: 'aaaa1111-…', name: 'cli'}, {id: 'bbbb2222-…', name: 'CLI'}])` →
 * `['cli · aaaa1111', 'CLI · bbbb2222']`.
 */
export function tokenLabels(tokens: readonly AuditToken[]): string[] {
  const byName = new DistinctIds();
  const byNameAndStart = new DistinctIds();
  const nameKey = (token: AuditToken) => token.name.toLowerCase();
  const startKey = (token: AuditToken) => JSON.stringify([nameKey(token), shortTokenId(token.id)]);
  for (const token of tokens) {
    if (!token.id || !token.name) continue;
    byName.add(nameKey(token), token.id);
    byNameAndStart.add(startKey(token), token.id);
  }
  return tokens.map((token) => {
    if (!token.name) return token.id;
    if (!token.id || byName.count(nameKey(token)) < 2) return token.name;
    const startTellsApart = byNameAndStart.count(startKey(token)) === 1;
    return `${token.name} · ${startTellsApart ? shortTokenId(token.id) : token.id}`;
  });
}

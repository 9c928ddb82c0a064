/**
 * Signed-out sessions. Session cookies are sealed, not stored, so signing out records the
 * session's id here until the session's absolute end (12 h after sign-in); then the row is
 * dropped.
 */
import type Database from 'better-sqlite3';

export function prepareSessionStatements(db: Database.Database) {
  const revoke = db.prepare(
    'INSERT OR REPLACE INTO revoked_sessions (id, expires_at) VALUES (?, ?)',
  );
  const prune = db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?');
  const find = db.prepare<[string, number], { id: string }>(
    'SELECT id FROM revoked_sessions WHERE id = ? AND expires_at > ?',
  );
  return {
    revokeSession: (id: string, expiresAt: number, now: number) => {
      prune.run(now);
      revoke.run(id, expiresAt);
    },
    isSessionRevoked: (id: string, now: number) => find.get(id, now) !== undefined,
  };
}

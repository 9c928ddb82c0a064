/**
 * The repository is cloned from a forge with nothing beside it: no tracked file may read or name
 * a folder outside it (the material the code needs lives in spec/).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Built from parts so this file does not name the folder it looks for.
const OUTSIDE_FOLDER = ['..', 'shared'].join('/');

function trackedTextFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' });
  return listing.split('\0').filter((path) => path && !/\.(png|jpe?g|gif|ico|woff2?)$/.test(path));
}

describe('the repository stands alone', () => {
  it('names no folder outside itself in any tracked file', () => {
    const offenders = trackedTextFiles().filter((path) => {
      try {
        return readFileSync(path, 'utf8').includes(OUTSIDE_FOLDER);
      } catch {
        return false; // listed but deleted in the working tree
      }
    });
    expect(offenders).toEqual([]);
  });

  it('carries the Pulumi contract the tests read', () => {
    for (const name of ['openapi-auditlogs.yml', 'openapi-users.yml', 'event-types.tsv']) {
      expect(readFileSync(`spec/pulumi/${name}`, 'utf8').length).toBeGreaterThan(100);
    }
  });
});

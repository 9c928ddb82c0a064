import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidAnswerError } from '../../../../common/pulumi/invalid-answer.ts';
import { setReaderToken } from './alerts-api.ts';

describe('setReaderToken', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const answering = (body: unknown) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(body)),
    );

  it('gives back the reader the server answers with directly', async () => {
    const reader = { configured: true, lastReadAt: 1_700_000_000_000, lastError: null };
    answering(reader);
    await expect(setReaderToken('acme', 'pul-token')).resolves.toEqual(reader);
  });

  it.each([[{}], [{ configured: 'yes' }], [{ reader: { configured: true } }]])(
    'refuses %j as a reader',
    async (body) => {
      answering(body);
      await expect(setReaderToken('acme', 'pul-token')).rejects.toBeInstanceOf(InvalidAnswerError);
    },
  );
});

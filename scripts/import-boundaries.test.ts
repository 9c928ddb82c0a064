/**
 * The import boundaries the lint config draws: the server never runs the browser app's code,
 * and the shared code depends on neither side.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['server/api/x.ts', "import { a } from '../../src/lib/api-client.ts';"],
    ['server/x.ts', "import { a } from '../src/lib/api-client.ts';"],
    ['common/pulumi/x.ts', "import { a } from '../../src/lib/api-client.ts';"],
    ['common/pulumi/x.ts', "import { a } from '../../server/app.ts';"],
    ['common/pulumi/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport const b = a;\n`)).toHaveLength(1);
  });

  it.each([
    ['server/api/x.ts', "import { a } from '../../common/pulumi/wire-types.ts';"],
    ['src/lib/x.ts', "import { a } from '../../common/pulumi/wire-types.ts';"],
    ['common/export/x.ts', "import { a } from '../pulumi/wire-types.ts';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport const b = a;\n`)).toEqual([]);
  });
});

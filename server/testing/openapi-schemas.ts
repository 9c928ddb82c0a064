/**
 * Validators for Pulumi's published schemas (spec/pulumi/*.yml): the spec's components are
 * added as one Ajv schema, so its `#/components/schemas/…` references resolve as in the spec.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const SPEC = new URL('../../spec/pulumi/', import.meta.url);
const SPEC_FILES = ['openapi-auditlogs.yml', 'openapi-users.yml', 'openapi-auditlogs-export.yml'];

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function createAjv(file: string): Ajv {
  const spec = parse(readFileSync(fileURLToPath(new URL(file, SPEC)), 'utf8')) as {
    components: { schemas: Record<string, object> };
  };
  // OpenAPI 3.0 keywords Ajv does not know (x-order, x-pulumi-model-property, …) are ignored.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addSchema({ $id: file, components: spec.components });
  return ajv;
}

const validators = new Map<string, ValidateFunction>();

/** A validator for a component schema, e.g. `schemaValidator('openapi-users.yml', 'User')`. */
export function schemaValidator(file: string, name: string): ValidateFunction {
  const key = `${file}#${name}`;
  let validate = validators.get(key);
  if (!validate) {
    if (!SPEC_FILES.includes(file)) throw new Error(`unknown spec ${file}`);
    validate = createAjv(file).getSchema(`${file}#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name} in ${file}`);
    validators.set(key, validate);
  }
  return validate;
}

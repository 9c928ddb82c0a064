/**
 * Regenerates common/pulumi/event-types.json from Pulumi's event catalog
 * (spec/pulumi/event-types.tsv). Run: `npx tsx scripts/generate-event-catalog.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../spec/pulumi/event-types.tsv', import.meta.url));
const target = fileURLToPath(new URL('../common/pulumi/event-types.json', import.meta.url));

const [header, ...lines] = readFileSync(source, 'utf8').trim().split('\n');
const columns = header!.split('\t');
const flag = (value: string | undefined) => value === 'true';

const eventTypes = lines.map((line) => {
  const cells = Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell.trim()]));
  return {
    event: cells.event,
    displayName: cells.displayName,
    category: cells.category,
    requiresOrgAdmin: flag(cells.requiresOrgAdmin),
    requiresStackAdmin: flag(cells.requiresStackAdmin),
    authenticationFailure: flag(cells.authenticationFailure),
    deprecated: flag(cells.deprecated),
    ...(cells.replacedBy ? { replacedBy: cells.replacedBy } : {}),
  };
});

writeFileSync(target, JSON.stringify(eventTypes, null, 1) + '\n');
console.info(`wrote ${eventTypes.length} event types to ${target}`);

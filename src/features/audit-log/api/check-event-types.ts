/**
 * The check of the event-types answer (an extension of the embedded service). Entries that are
 * not event types are left out rather than failing the picker; flags default to false.
 */
import { InvalidAnswerError, isJsonObject } from '../../../../common/pulumi/invalid-answer.ts';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';

function toEventType(value: unknown): EventType | undefined {
  if (!isJsonObject(value)) return undefined;
  const entry = value;
  if (typeof entry.event !== 'string' || !entry.event) return undefined;
  const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : '');
  const flag = (key: string) => entry[key] === true;
  return {
    event: entry.event,
    displayName: text('displayName') || entry.event,
    category: text('category'),
    requiresOrgAdmin: flag('requiresOrgAdmin'),
    requiresStackAdmin: flag('requiresStackAdmin'),
    authenticationFailure: flag('authenticationFailure'),
    deprecated: flag('deprecated'),
    ...(text('replacedBy') ? { replacedBy: text('replacedBy') } : {}),
  };
}

/**
 * The event types of an answer: `checkEventTypes({eventTypes: [{event: 'user-login'}]})[0].displayName === 'user-login'`;
 * throws `InvalidAnswerError` when there is no list at all.
 */
export function checkEventTypes(body: unknown): EventType[] {
  const list = isJsonObject(body) ? body.eventTypes : undefined;
  if (!Array.isArray(list)) throw new InvalidAnswerError('eventTypes is not a list');
  return list.map(toEventType).filter((entry): entry is EventType => entry !== undefined);
}

/** Which event types of an index record a failed authentication (`isFailureEventType`). */
import { isFailureEventType } from '../../../common/pulumi/event-catalog.ts';
import type { RangeIndex } from './range-index.ts';

/** A mask over the index's event dictionary: 1 for an event type that records a failure. */
export function failedEventMask(index: RangeIndex): Uint8Array {
  return index.dictionaries.event.mask((id) => isFailureEventType(id));
}

/**
 * Where an organization's log begins, found with a few small requests. "All time" starts at
 * 1970, so the first page's density says nothing about how many events it holds until the
 * log's age is known (decision note 015). Each probe asks for the newest events before a
 * second (the V2 list with `endTime` alone) and halves the bracket around the log's age on a
 * log scale, so an age anywhere from a second to decades takes about eight probes, whatever
 * the page size (the embedded service is asked for one event; Pulumi Cloud sends its 100).
 */

/** What one probe's page says: its events, the oldest one's second, and whether more follow. */
export interface ProbePage {
  events: number;
  oldest?: number;
  /** Its events at the oldest second (the page may end inside that second); 1 when unsaid. */
  atOldest?: number;
  more: boolean;
}

/** The newest page of the log's events before `endTime`. */
export type FetchPageBefore = (endTime: number) => Promise<ProbePage>;

/** The bracket around the log's age is narrowed to this ratio: its middle is within 5%. */
const AGE_PRECISION = 1.1;

/**
 * About the second the log's oldest event has, as of `now` (Unix seconds), or null when no
 * event is older than a second: for a log begun a year before `now`,
 * `await findLogStart(fetchBefore, 1_790_000_000)` is within 5% of a year of 1_758_464_000.
 */
export async function findLogStart(
  fetchBefore: FetchPageBefore,
  now: number,
): Promise<number | null> {
  // The log's age lies in [young, old] seconds: an event at least `young` old has been seen
  // (once `seen`), and nothing is older than `old`, 1970 to begin with.
  let [young, old, seen] = [1, Math.max(1, now), false];
  while (old / young > AGE_PRECISION) {
    const age = Math.sqrt(young * old);
    const page = await fetchBefore(Math.round(now - age));
    if (page.oldest === undefined || page.events === 0) old = age;
    // Nothing follows the page: its oldest event is the log's first.
    else if (!page.more) return page.oldest;
    else [young, seen] = [Math.max(age, now - page.oldest), true];
  }
  return seen ? Math.round(now - Math.sqrt(young * old)) : null;
}

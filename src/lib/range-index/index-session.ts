/**
 * The page's side of the range-index worker, for one organization: which seconds are indexed,
 * what is being read, and searches as promises. A range read once is kept: a wider or later
 * view reads only the seconds it lacks (older ones after the last row, newer ones before the
 * first), and a view inside what is indexed reads nothing. Events can reach the log a little
 * late, so a later read also reads the last SETTLE_SECONDS of what was read before, again.
 */
import type { AuditLogQuery } from '../audit-log-query.ts';
import type { TimeWindow } from '../time-window.ts';
import { YIELD_MS } from '../range-reader/yield-to-input.ts';
import { trailingThrottle } from '../trailing-throttle.ts';
import { createIndexWorker, type IndexWorkerHandle } from './create-index-worker.ts';
import { forgetStoredIndex } from './index-store.ts';
import type {
  FromIndexWorker,
  MarksAnswer,
  SearchAnswer,
  SearchRequest,
  StoredInfo,
  SuggestAnswer,
  SuggestRequest,
} from './index-protocol.ts';
import type { StreamRequest } from './index-stream.ts';
import type { LoadProgress } from './load-range.ts';

export type IndexState = 'idle' | 'loading' | 'loaded' | 'stopped' | 'failed';

/** A read that ended without reading its range: stopped by the person, or failed. */
export const halted = (state: IndexState) => state === 'stopped' || state === 'failed';

export interface IndexStatus {
  state: IndexState;
  progress: LoadProgress;
  /** Seconds read whole (every event of them is indexed). */
  covered?: TimeWindow;
  /** Seconds the index is reading, was reading when stopped, or failed to read. */
  target?: TimeWindow;
  /** When the newest indexed seconds were read (epoch ms): older ones have long settled. */
  readAt?: number;
  /** Why the last read failed. */
  message?: string;
  /** Counts the changes: an answer computed before one may be out of date after it. */
  revision: number;
  /** What this browser keeps of the index for later visits. */
  stored?: StoredInfo;
}

/**
 * Seconds before the end of the last read that a later read reads again: the log may receive
 * an event some time after it happened (a slow writer, a clock behind), and a kept index must
 * not miss it for good.
 */
export const SETTLE_SECONDS = 15 * 60;

/**
 * A read that has neither asked nor been answered for this long (beyond a retry's announced
 * wait) has stalled: DOWNLOAD waiting on it reads the API instead of waiting for good.
 */
export const READ_STALL_MS = 20_000;

const EMPTY: LoadProgress = { events: 0, oldest: undefined, newest: undefined };
/** Progress reaches the page this often at most, so a fast read does not re-render per page. */
const PROGRESS_INTERVAL_MS = 250;

const sameWindow = (a: TimeWindow | undefined, b: TimeWindow | undefined) =>
  a?.from === b?.from && a?.to === b?.to;

const contains = (outer: TimeWindow | undefined, inner: TimeWindow) =>
  outer !== undefined && outer.from <= inner.from && inner.to <= outer.to;

type Pending = { resolve: (answer: never) => void; reject: (error: Error) => void };

/**
 * What DOWNLOAD waiting on the index is told: how many events the read it waits on holds, or
 * (`deciding`) that no read runs yet, only the page's decision whether to start one.
 */
export type JoinWaitListener = (eventsRead: number, deciding: boolean) => void;

/**
 * Takes the port a read's batches are sent ahead on, for DOWNLOAD (batch-preparer.ts); false
 * when nobody will listen on it (the DOWNLOAD has ended).
 */
export type PrepareAhead = (port: MessagePort) => boolean;

export class IndexSession {
  private worker: IndexWorkerHandle | undefined;
  private current: IndexStatus = { state: 'idle', progress: EMPTY, revision: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /**
   * The read's progress, a few times a second, its latest always shown once it pauses; none
   * while the person scrolls (the count, chart and facets it redraws would land in the frames
   * they scroll through), the latest once they stop.
   */
  private readonly progress = trailingThrottle(
    (progress: LoadProgress) => this.update({ ...this.current, progress }),
    PROGRESS_INTERVAL_MS,
    () => this.now(),
    () => this.scrollingUntil,
  );
  /** Until when the person counts as scrolling (`yieldToInput`). */
  private scrollingUntil = -Infinity;
  /** What the running read adds to `covered` when it ends. */
  private reading: TimeWindow | undefined;
  /** The running read reads the newest indexed seconds (not only older ones). */
  private readingNewest = false;
  /** What a read of newer seconds started from, while it runs: withdrawn, it goes back to it. */
  private beforeNewer: IndexStatus | undefined;
  /** The running read was withdrawn (`withdraw`): its end goes back, not to "stopped". */
  private withdrawn = false;
  /** Whether the kept index was asked for; reads wait until it has answered. */
  private restoring: 'not-asked' | 'asking' | 'done' = 'not-asked';
  private queued: { range: TimeWindow; force: boolean } | undefined;
  /** The range asked for last; a read of one side of it goes on with the other when it ends. */
  private wanted: TimeWindow | undefined;
  /**
   * A range the page is still deciding whether to read by itself (what it costs is being found
   * out): DOWNLOAD of a view inside it waits for the decision instead of reading the API beside
   * a read about to start. `decided` wakes those waits when the decision is made.
   */
  private weighed: TimeWindow | undefined;
  private readonly decided = new Set<() => void>();
  /** Called on every message of the worker: DOWNLOAD's wait tells a slow read from a stalled one. */
  private readonly activity = new Set<(quietMs: number) => void>();
  private disposed = false;
  private lastYieldAt = -Infinity;

  constructor(
    private readonly org: string,
    private readonly createWorker: () => IndexWorkerHandle = createIndexWorker,
    private readonly now: () => number = Date.now,
  ) {}

  get status(): IndexStatus {
    return this.current;
  }

  /** Calls `listener` on every change of `status`; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes sure `range` is indexed or being read. A range the person stopped or that failed is
   * not read again unless `force` (their "Read this range"); one that overlaps the indexed
   * seconds reads the sides it lacks, newer first; anything else starts over.
   */
  cover(range: TimeWindow, { force = false } = {}): void {
    if (this.restoring !== 'done') {
      this.queued = { range, force };
      this.restore();
      return;
    }
    const { state, covered, target } = this.current;
    if (contains(covered, range)) return;
    const asked = contains(this.wanted, range) || contains(target, range);
    if (state === 'loading' && asked) return;
    if (halted(state) && !force && asked) return;
    this.wanted = range;
    this.extend(range);
  }

  /**
   * The page is deciding whether to read `range` by itself; undefined once it has (after its
   * `cover`, when it reads). `session.weighing(range)` while the cost is found out.
   */
  weighing(range: TimeWindow | undefined): void {
    if (sameWindow(this.weighed, range)) return;
    this.weighed = range;
    for (const wake of this.decided) wake();
  }

  /**
   * Whether every event of `window` is indexed or on its way: a read runs, or waits for the kept
   * index, that will cover it, or the page is still deciding whether to read it. What DOWNLOAD
   * waits on rather than reading the API beside it, and what the table need not ask ahead for.
   */
  expects(window: TimeWindow): boolean {
    return this.outlook(window) !== undefined;
  }

  /**
   * How `window` stands: held whole, to be held by a read, weighed by the page, or none. The
   * page's weighing is set by an effect and tells React nothing: a render asks for the rest
   * and knows its own weighing.
   */
  outlook(window: TimeWindow): 'held' | 'reading' | 'weighing' | undefined {
    const { state, covered, target } = this.current;
    if (state === 'loaded' && contains(covered, window)) return 'held';
    const reading = state === 'loading' || this.restoring !== 'done';
    const coming =
      contains(target, window) ||
      contains(this.wanted, window) ||
      contains(this.queued?.range, window);
    if (reading && coming) return 'reading';
    return contains(this.weighed, window) ? 'weighing' : undefined;
  }

  /**
   * The person is scrolling: the running read starts no request for a moment, so its work does
   * not land in the frames they scroll through (yield-to-input.ts). Told at most three times a
   * yield, and only while a read runs that nobody waits on (a DOWNLOAD waiting is not held back).
   */
  yieldToInput(): void {
    if (this.current.state !== 'loading' || this.activity.size > 0) return;
    const at = this.now();
    this.scrollingUntil = at + YIELD_MS;
    if (at - this.lastYieldAt < YIELD_MS / 3) return;
    this.lastYieldAt = at;
    this.worker?.postMessage({ type: 'yield', ms: YIELD_MS });
  }

  /**
   * Reads the view's seconds again from the API, replacing what the index holds of them (and
   * of anything newer it holds): "Read again" after a doubt, or a log that was changed.
   */
  reread(range: TimeWindow): void {
    const { state, covered } = this.current;
    if (state === 'loading' || this.restoring !== 'done') return;
    this.wanted = range;
    if (!covered || range.from <= covered.from || range.from >= covered.to) {
      this.restart();
      const all = { from: range.from, to: Math.max(range.to, covered?.to ?? range.to) };
      this.read(all, 'older', all);
      return;
    }
    const to = Math.max(range.to, covered.to);
    this.read({ from: range.from, to }, 'newer', { from: covered.from, to });
  }

  /** Reads the side of `range` the index lacks, or all of it when they do not touch. */
  private extend(range: TimeWindow): void {
    const { state, covered } = this.current;
    // After a stop or failure the index may hold part of a read beyond `covered`: start over.
    const indexed = state === 'loaded';
    if (indexed && covered && range.to > covered.to && range.from <= covered.to) {
      // Newer seconds, and the settle window before them again.
      const from = Math.max(covered.from, covered.to - SETTLE_SECONDS);
      this.read({ from, to: range.to }, 'newer', { from: covered.from, to: range.to });
    } else if (indexed && covered && range.from < covered.from && range.to >= covered.from) {
      this.read({ from: range.from, to: covered.from }, 'older', {
        from: range.from,
        to: covered.to,
      });
    } else {
      // An empty index (nothing kept, nothing read) is filled as it is; any other starts over.
      if (state !== 'idle' || this.current.progress.events > 0) this.restart();
      this.read(range, 'older', range);
    }
  }

  /**
   * Starts from what this browser kept of the organization's index, if anything: free, so it
   * is asked for even where reading the range waits for the person.
   */
  restore(): void {
    if (this.restoring !== 'not-asked') return;
    // A worker that cannot start leaves it unasked, so a later call may still ask.
    const worker = this.ensureWorker();
    this.restoring = 'asking';
    worker.postMessage({ type: 'restore', org: this.org });
  }

  /** Forgets the kept index and this visit's, and starts over empty. */
  async forget(): Promise<void> {
    this.restart();
    // A kept index asked for by the ended worker will not answer: there is none to wait for.
    this.restoring = 'done';
    this.update({ ...this.current, stored: undefined });
    await forgetStoredIndex(this.org);
    const queued = this.queued;
    this.queued = undefined;
    if (queued) this.cover(queued.range, { force: queued.force });
  }

  /**
   * The view that asked for exactly `range` cannot be shown (its first page failed): the read
   * started or queued for it ends, and its own failure is not told beside the view's. A read of
   * newer seconds changes nothing until it is whole, so the session goes back to the index it
   * extended (a kept one stays kept); any other counts as not asked for, so a later view of the
   * same seconds (after Try again) reads them.
   */
  withdraw(range: TimeWindow): void {
    if (sameWindow(this.queued?.range, range)) this.queued = undefined;
    if (!sameWindow(this.wanted, range)) return;
    this.wanted = undefined;
    const { state } = this.current;
    if (state !== 'loading' && state !== 'failed') return;
    this.withdrawn = true;
    if (state === 'loading') {
      this.stop();
      this.update({ ...this.current, target: undefined });
    } else this.settleWithdrawn(this.current.progress);
  }

  /** The end of a withdrawn read: back to the index it extended, or stopped. */
  private settleWithdrawn(progress: LoadProgress): void {
    this.withdrawn = false;
    const before = this.beforeNewer;
    if (before) this.update({ ...before, progress });
    else this.update({ ...this.current, state: 'stopped', target: undefined, progress });
  }

  /** Stops the read; what was read stays searchable. */
  stop(): void {
    if (this.current.state === 'loading') this.worker?.postMessage({ type: 'stop' });
  }

  /**
   * A port that serves the events of `request` from the index (index-stream.ts), once the index
   * holds every second of its window: at once, or when the read in flight that covers it ends
   * (DOWNLOAD joins that read instead of starting its own). Undefined when no read will cover
   * it by itself (another range, or a read stopped, failed, stalled or let go) or `signal`
   * aborts (DOWNLOAD cancelled): then the caller reads the API. It never waits for good.
   * While it waits on a read, `onPrepare` is given a port the read's batches are sent ahead on
   * (batch-preparer.ts); the stream then comes on that port, and this resolves 'prepared'.
   */
  streamView(
    request: StreamRequest,
    signal?: AbortSignal,
    onWait?: JoinWaitListener,
  ): Promise<MessagePort | undefined>;
  streamView(
    request: StreamRequest,
    signal: AbortSignal | undefined,
    onWait: JoinWaitListener | undefined,
    onPrepare: PrepareAhead | undefined,
  ): Promise<MessagePort | 'prepared' | undefined>;
  async streamView(
    request: StreamRequest,
    signal?: AbortSignal,
    onWait?: JoinWaitListener,
    onPrepare?: PrepareAhead,
  ): Promise<MessagePort | 'prepared' | undefined> {
    const { window } = request;
    // The worker the read's batches are sent ahead from; a restart ends it, and its port.
    let preparedOn: IndexWorkerHandle | undefined;
    const preparable = onPrepare && request.q === '' && request.filter === '';
    try {
      for (;;) {
        if (this.disposed || signal?.aborted) return undefined;
        if (preparedOn !== this.worker) preparedOn = undefined;
        const { state, covered } = this.current;
        if (state === 'loaded' && contains(covered, window)) {
          if (preparedOn) {
            preparedOn.postMessage({ type: 'stream', request });
            preparedOn = undefined;
            return 'prepared';
          }
          const channel = new MessageChannel();
          this.ensureWorker().postMessage({ type: 'stream', request, port: channel.port2 }, [
            channel.port2,
          ]);
          return channel.port1;
        }
        const outlook = this.outlook(window);
        if (!outlook) return undefined;
        // Only a view of every event in its seconds: a search keeps part of a batch, and a
        // batch is named only where all of its rows match.
        if (
          preparable &&
          !preparedOn &&
          state === 'loading' &&
          contains(this.current.target, window)
        ) {
          const worker = this.ensureWorker();
          const channel = new MessageChannel();
          worker.postMessage({ type: 'prepare', port: channel.port2 }, [channel.port2]);
          if (onPrepare(channel.port1)) preparedOn = worker;
          else worker.postMessage({ type: 'unprepare' });
        }
        onWait?.(this.current.progress.events, outlook === 'weighing');
        if ((await this.nextChange(signal)) !== 'changed') return undefined;
      }
    } finally {
      if (preparedOn && preparedOn === this.worker) preparedOn.postMessage({ type: 'unprepare' });
    }
  }

  /**
   * Resolves at the next change of `status`; or 'stalled' when the worker says nothing for
   * READ_STALL_MS (plus a retry's announced wait), or 'ended' when `signal` aborts or the
   * session is let go.
   */
  private nextChange(signal?: AbortSignal): Promise<'changed' | 'stalled' | 'ended'> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const quiet = (quietMs: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => settle('stalled'), READ_STALL_MS + quietMs);
      };
      const settle = (how: 'changed' | 'stalled' | 'ended') => {
        clearTimeout(timer);
        off();
        this.activity.delete(quiet);
        signal?.removeEventListener('abort', ended);
        resolve(how);
      };
      const ended = () => settle('ended');
      const changed = () => settle(this.disposed ? 'ended' : 'changed');
      const unsubscribe = this.subscribe(changed);
      this.decided.add(changed);
      const off = () => {
        unsubscribe();
        this.decided.delete(changed);
      };
      this.activity.add(quiet);
      signal?.addEventListener('abort', ended, { once: true });
      quiet(0);
    });
  }

  search(request: Omit<SearchRequest, 'id'>): Promise<SearchAnswer> {
    const id = this.nextId++;
    this.ensureWorker().postMessage({ type: 'search', request: { ...request, id } });
    return this.expect<SearchAnswer>(id);
  }

  suggest(request: Omit<SuggestRequest, 'id'>): Promise<SuggestAnswer> {
    const id = this.nextId++;
    this.ensureWorker().postMessage({ type: 'suggest', request: { ...request, id } });
    return this.expect<SuggestAnswer>(id);
  }

  marks(identities: string[]): Promise<MarksAnswer> {
    const id = this.nextId++;
    this.ensureWorker().postMessage({ type: 'marks', request: { id, identities } });
    return this.expect<MarksAnswer>(id);
  }

  /** Ends the worker and forgets the index (sign-out, or the cache let it go). */
  dispose(): void {
    this.progress.cancel();
    this.worker?.terminate();
    this.worker = undefined;
    this.failPending();
    // Whoever waits on a read (DOWNLOAD) hears that none will come.
    this.disposed = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }

  private expect<T>(id: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (answer: never) => void, reject });
    });
  }

  private failPending(): void {
    for (const { reject } of this.pending.values()) reject(new Error('The index was reset.'));
    this.pending.clear();
  }

  private restart(): void {
    this.progress.cancel();
    this.withdrawn = false;
    this.beforeNewer = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    this.failPending();
    this.current = { state: 'idle', progress: EMPTY, revision: this.current.revision + 1 };
  }

  private read(seconds: TimeWindow, direction: 'older' | 'newer', after: TimeWindow): void {
    this.reading = after;
    const extending = direction === 'newer' && this.current.state === 'loaded';
    this.beforeNewer = extending ? this.current : undefined;
    this.withdrawn = false;
    this.readingNewest = direction === 'newer' || this.current.covered === undefined;
    const query: AuditLogQuery = { org: this.org, startTime: seconds.from, endTime: seconds.to };
    this.ensureWorker().postMessage({ type: 'load', query, direction });
    this.update({ ...this.current, state: 'loading', target: after, message: undefined });
  }

  private ensureWorker(): IndexWorkerHandle {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) this.receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.worker !== worker) return;
      // A dead worker answers nothing more: its read has failed, and whatever waited on it.
      this.worker = undefined;
      this.failPending();
      const message = `the index worker stopped (${event.message || 'no reason given'})`;
      if (this.restoring === 'asking') this.restoring = 'done';
      this.update({ ...this.current, state: 'failed', message });
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: FromIndexWorker): void {
    const quietMs = message.type === 'reading' ? message.quietMs : 0;
    for (const alive of [...this.activity]) alive(quietMs);
    switch (message.type) {
      case 'reading':
        return;
      case 'answer':
      case 'marks':
      case 'suggestions': {
        const waiting = this.pending.get(message.answer.id);
        this.pending.delete(message.answer.id);
        waiting?.resolve(message.answer as never);
        return;
      }
      case 'progress':
        this.progress.push(message.progress);
        return;
      case 'loaded': {
        const { progress, stopped } = message;
        if (stopped) {
          if (this.withdrawn) this.settleWithdrawn(progress);
          else this.update({ ...this.current, state: 'stopped', progress });
          return;
        }
        // Whole before a withdrawal's stop arrived: a read like any other.
        this.withdrawn = false;
        const covered = this.reading;
        const readAt = this.readingNewest ? this.now() : this.current.readAt;
        this.update({ ...this.current, state: 'loaded', progress, covered, readAt });
        if (covered) this.worker?.postMessage({ type: 'save', org: this.org, covered });
        // A view wider on both sides is read one side at a time.
        if (this.wanted && !contains(covered, this.wanted)) this.extend(this.wanted);
        return;
      }
      case 'restored': {
        this.restoring = 'done';
        const { covered, progress, stored } = message;
        if (covered) {
          const readAt = stored?.savedAt;
          const kept = {
            state: 'loaded' as const,
            covered,
            target: covered,
            progress,
            stored,
            readAt,
          };
          this.update({ ...this.current, ...kept });
        }
        const queued = this.queued;
        this.queued = undefined;
        if (queued) this.cover(queued.range, { force: queued.force });
        return;
      }
      case 'saved':
        this.update({ ...this.current, stored: message.stored });
        return;
      case 'failed':
        if (this.withdrawn) {
          this.settleWithdrawn(message.progress);
          return;
        }
        this.update({
          ...this.current,
          state: 'failed',
          progress: message.progress,
          message: message.message,
        });
    }
  }

  private update(status: IndexStatus): void {
    // A read's end (loaded, stopped, failed, withdrawn) reports its own progress: none held
    // back from it may come after.
    if (status.state !== 'loading') this.progress.cancel();
    this.current = { ...status, revision: this.current.revision + 1 };
    for (const listener of this.listeners) listener();
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexWorkerHandle } from './create-index-worker.ts';
import type { FromIndexWorker, ToIndexWorker } from './index-protocol.ts';
import { YIELD_MS } from '../range-reader/yield-to-input.ts';
import { IndexSession, READ_STALL_MS, SETTLE_SECONDS } from './index-session.ts';

/** A worker that records what it is told and answers when the test says so. */
function fakeWorkers() {
  const made: {
    sent: ToIndexWorker[];
    reply: (m: FromIndexWorker) => void;
    crash: (message: string) => void;
    ended: boolean;
  }[] = [];
  const create = (): IndexWorkerHandle => {
    let listener: ((event: MessageEvent<FromIndexWorker>) => void) | undefined;
    let onError: ((event: ErrorEvent) => void) | undefined;
    const worker = {
      sent: [] as ToIndexWorker[],
      ended: false,
      reply: (data: FromIndexWorker) => listener?.({ data } as MessageEvent<FromIndexWorker>),
      crash: (message: string) => onError?.({ message } as ErrorEvent),
    };
    made.push(worker);
    return {
      postMessage: (message) => worker.sent.push(message),
      addEventListener: ((type: string, l: never) => {
        if (type === 'error') onError = l;
        else listener = l;
      }) as IndexWorkerHandle['addEventListener'],
      terminate: () => (worker.ended = true),
    };
  };
  return { made, create };
}

const progress = { events: 10, oldest: 100, newest: 199 };
const EMPTY = { events: 0, oldest: undefined, newest: undefined };

/** A session whose worker has answered that this browser keeps nothing for the org. */
function freshSession() {
  const workers = fakeWorkers();
  const session = new IndexSession('acme', workers.create, () => 0);
  session.restore();
  workers.made[0]!.reply({ type: 'restored', progress: EMPTY });
  return { ...workers, session };
}
const loads = (sent: ToIndexWorker[]) =>
  sent.flatMap((m) =>
    m.type === 'load' ? [[m.query.startTime, m.query.endTime, m.direction ?? 'older']] : [],
  );

/** DOWNLOAD pressed while a read of its view runs, ready to be sent that read's batches. */
async function downloadWaitingOnARead() {
  const { made, session } = freshSession();
  const window = { from: 10_000, to: 20_000 };
  session.cover(window);
  const ports: MessagePort[] = [];
  const source = session.streamView({ window, q: '', filter: '' }, undefined, undefined, (p) => {
    ports.push(p);
    return true;
  });
  await Promise.resolve();
  return { made, session, window, ports, source };
}

describe('IndexSession', () => {
  it('tells a running read to give way while the person scrolls, at most three times a yield', () => {
    let now = 0;
    const workers = fakeWorkers();
    const session = new IndexSession('acme', workers.create, () => now);
    session.restore();
    const worker = workers.made[0]!;
    worker.reply({ type: 'restored', progress: EMPTY });
    const yields = () => worker.sent.filter((m) => m.type === 'yield');

    session.yieldToInput(); // nothing is being read
    expect(yields()).toEqual([]);

    session.cover({ from: 0, to: 10_000 });
    for (now = 0; now < 300; now += 10) session.yieldToInput(); // a scroll event every 10 ms
    expect(yields()).toEqual([
      { type: 'yield', ms: YIELD_MS },
      { type: 'yield', ms: YIELD_MS },
      { type: 'yield', ms: YIELD_MS },
    ]);

    worker.reply({ type: 'loaded', progress, stopped: false });
    session.yieldToInput();
    expect(yields()).toHaveLength(3);
  });

  it('does not hold back a read that DOWNLOAD waits on', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const port = session.streamView({ window, q: '', filter: '' });
    await Promise.resolve();
    session.yieldToInput();
    expect(made[0]!.sent.filter((m) => m.type === 'yield')).toEqual([]);
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    (await port)?.close();
  });

  it('reads a range once, then only the seconds a later view lacks, and the settle window again', () => {
    const { made, session } = freshSession();
    const hour = 3600;
    session.cover({ from: 0, to: 10 * hour });
    session.cover({ from: hour, to: 10 * hour });
    expect(session.status.state).toBe('loading');
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(session.status).toMatchObject({ state: 'loaded', covered: { from: 0, to: 10 * hour } });

    session.cover({ from: 2 * hour, to: 9 * hour });
    session.cover({ from: 2 * hour, to: 12 * hour });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(loads(made[0]!.sent)).toEqual([
      [0, 10 * hour, 'older'],
      [10 * hour - SETTLE_SECONDS, 12 * hour, 'newer'],
    ]);
    expect(session.status.covered).toEqual({ from: 0, to: 12 * hour });
    expect(made).toHaveLength(1);
  });

  it('reads a view wider on both sides newer first, then older, without starting over', () => {
    const { made, session } = freshSession();
    session.cover({ from: 10_000, to: 20_000 });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    session.cover({ from: 5_000, to: 30_000 }, { force: true });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    // The page asks again as the state changes; the read in flight already serves it.
    session.cover({ from: 5_000, to: 30_000 });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(loads(made[0]!.sent)).toEqual([
      [10_000, 20_000, 'older'],
      [20_000 - SETTLE_SECONDS, 30_000, 'newer'],
      [5_000, 10_000, 'older'],
    ]);
    expect(session.status).toMatchObject({ state: 'loaded', covered: { from: 5_000, to: 30_000 } });
    expect(made).toHaveLength(1);
  });

  it('says when the newest seconds were read, and reads a range again on request', () => {
    let now = 1_000;
    const workers = fakeWorkers();
    const session = new IndexSession('acme', workers.create, () => now);
    session.restore();
    const made = workers.made;
    made[0]!.reply({ type: 'restored', progress: EMPTY });
    session.cover({ from: 10_000, to: 20_000 });
    now = 2_000;
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(session.status.readAt).toBe(2_000);

    now = 3_000;
    session.cover({ from: 5_000, to: 20_000 });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(session.status.readAt).toBe(2_000);

    session.reread({ from: 15_000, to: 20_000 });
    expect(loads(made[0]!.sent).at(-1)).toEqual([15_000, 20_000, 'newer']);
    now = 4_000;
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(session.status).toMatchObject({ readAt: 4_000, covered: { from: 5_000, to: 20_000 } });
  });

  it('starts over with a new worker for a range apart from the indexed one', () => {
    const { made, session } = freshSession();
    session.cover({ from: 100, to: 200 });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    session.cover({ from: 300, to: 400 });
    expect(made[0]!.ended).toBe(true);
    expect(loads(made[1]!.sent)).toEqual([[300, 400, 'older']]);
    expect(made[1]!.sent[0]).toMatchObject({ query: { org: 'acme' } });
  });

  it('does not read a stopped range again unless asked to', () => {
    const { made, session } = freshSession();
    session.cover({ from: 100, to: 200 });
    session.stop();
    expect(made[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    made[0]!.reply({ type: 'loaded', progress, stopped: true });
    expect(session.status.state).toBe('stopped');
    session.cover({ from: 100, to: 200 });
    expect(made).toHaveLength(1);
    session.cover({ from: 100, to: 200 }, { force: true });
    expect(made).toHaveLength(2);
    expect(session.status.state).toBe('loading');
  });

  describe('progress while a read runs', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    const at = (events: number) => ({ events, oldest: 100, newest: 199 });
    /** A read under way, and the worker that reads it. */
    function reading() {
      const { made, session } = freshSession();
      session.cover({ from: 0, to: 10_000 });
      return { worker: made[0]!, session };
    }

    it('shows the latest progress once a pause follows a burst of it, not the first of the burst', () => {
      const { worker, session } = reading();
      for (const events of [100, 200, 300])
        worker.reply({ type: 'progress', progress: at(events) });
      expect(session.status.progress.events).toBe(100); // a burst re-renders the page once
      // The read pauses (the person scrolls, a rate limit's wait): the page still learns where
      // it stands, not only at the next page.
      vi.advanceTimersByTime(1000);
      expect(session.status.progress.events).toBe(300);
    });

    it('holds progress back while the person scrolls, and shows the latest once they stop', () => {
      const workers = fakeWorkers();
      const session = new IndexSession('acme', workers.create, Date.now);
      session.restore();
      const worker = workers.made[0]!;
      worker.reply({ type: 'restored', progress: EMPTY });
      session.cover({ from: 0, to: 10_000 });
      worker.reply({ type: 'progress', progress: at(100) });
      vi.advanceTimersByTime(1000);
      session.yieldToInput();
      worker.reply({ type: 'progress', progress: at(200) });
      worker.reply({ type: 'progress', progress: at(300) });
      vi.advanceTimersByTime(YIELD_MS - 1);
      expect(session.status.progress.events).toBe(100);
      vi.advanceTimersByTime(1);
      expect(session.status.progress.events).toBe(300);
    });

    it('does not let progress held back from a read overwrite what its end reported', () => {
      const { worker, session } = reading();
      worker.reply({ type: 'progress', progress: at(100) });
      worker.reply({ type: 'progress', progress: at(200) }); // held for the interval's end
      worker.reply({ type: 'loaded', progress: at(400), stopped: false });
      vi.advanceTimersByTime(1000);
      expect(session.status).toMatchObject({ state: 'loaded', progress: at(400) });
    });
  });

  it('ends a read withdrawn by the view that asked for it, and reads those seconds for a later view', () => {
    const { made, session } = freshSession();
    session.cover({ from: 100, to: 200 });
    session.withdraw({ from: 300, to: 400 }); // another view's range: nothing changes
    expect(made[0]!.sent.at(-1)?.type).toBe('load');
    session.withdraw({ from: 100, to: 200 });
    expect(made[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    made[0]!.reply({ type: 'loaded', progress, stopped: true });
    expect(session.status.state).toBe('stopped');
    session.cover({ from: 100, to: 200 });
    expect(loads(made.at(-1)!.sent)).toEqual([[100, 200, 'older']]);
    expect(session.status.state).toBe('loading');
  });

  it('reads the seconds of a withdrawn read that had failed when a later view asks for them', () => {
    const { made, session } = freshSession();
    session.cover({ from: 100, to: 200 });
    made[0]!.reply({ type: 'failed', message: 'HTTP 403', progress: EMPTY });
    session.withdraw({ from: 100, to: 200 });
    session.cover({ from: 100, to: 200 });
    expect(loads(made.at(-1)!.sent)).toEqual([[100, 200, 'older']]);
  });

  it('leaves a wider read it did not start running when a view inside it is withdrawn', () => {
    const { made, session } = freshSession();
    session.cover({ from: 0, to: 1000 });
    session.cover({ from: 500, to: 1000 }); // inside the read under way: nothing new to read
    session.withdraw({ from: 500, to: 1000 });
    expect(made[0]!.sent.map((m) => m.type)).toEqual(['restore', 'load']);
    expect(session.status.state).toBe('loading');
  });

  it('goes back to the kept index when a read of its newer seconds is withdrawn, and extends it later', () => {
    const { made, create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    session.restore();
    const stored = { savedAt: 1, bytes: 4300 };
    const kept = { from: 0, to: 100_000 };
    made[0]!.reply({ type: 'restored', covered: kept, progress, stored });
    session.cover({ from: 0, to: 101_000 });
    expect(loads(made[0]!.sent)).toEqual([[100_000 - SETTLE_SECONDS, 101_000, 'newer']]);
    session.withdraw({ from: 0, to: 101_000 });
    expect(made[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    made[0]!.reply({ type: 'loaded', progress, stopped: true });
    expect(session.status).toMatchObject({ state: 'loaded', covered: kept, stored });
    expect(made[0]!.ended).toBe(false);
    // Try again: only the newer seconds, on the same index, and nothing saved in between.
    session.cover({ from: 0, to: 101_000 });
    expect(made).toHaveLength(1);
    expect(loads(made[0]!.sent)).toHaveLength(2);
    expect(made[0]!.sent.filter((m) => m.type === 'save')).toEqual([]);
  });

  it('goes back to the kept index when a withdrawn read fails before its stop arrives', () => {
    const { made, create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    session.restore();
    const kept = { from: 0, to: 100_000 };
    made[0]!.reply({ type: 'restored', covered: kept, progress });
    session.cover({ from: 0, to: 101_000 });
    session.withdraw({ from: 0, to: 101_000 });
    made[0]!.reply({ type: 'failed', message: 'HTTP 401', progress });
    expect(session.status).toMatchObject({ state: 'loaded', covered: kept });
    expect(session.status.message).toBeUndefined();
  });

  it('does not start a read withdrawn while it waited for the kept index', () => {
    const { made, create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    session.cover({ from: 100, to: 200 });
    session.withdraw({ from: 100, to: 200 });
    made[0]!.reply({ type: 'restored', progress: EMPTY });
    expect(loads(made[0]!.sent)).toEqual([]);
    expect(session.status.state).toBe('idle');
  });

  it('answers each search by its id and reports failures', async () => {
    const { made, session } = freshSession();
    const first = session.search({ q: 'a' });
    const second = session.search({ q: 'b' });
    const ids = made[0]!.sent.flatMap((m) => (m.type === 'search' ? [m.request.id] : []));
    const answer = (id: number) => ({
      id,
      count: id,
      events: [],
      facets: { users: [], events: [], ips: [], tokens: [] },
      facetDistinct: { users: 0, events: 0, ips: 0, tokens: 0 },
      errors: [],
      progress,
      loading: false,
    });
    made[0]!.reply({ type: 'answer', answer: answer(ids[1]!) });
    made[0]!.reply({ type: 'answer', answer: answer(ids[0]!) });
    expect((await first).count).toBe(ids[0]);
    expect((await second).count).toBe(ids[1]);

    session.cover({ from: 1, to: 2 });
    made[0]!.reply({ type: 'failed', message: 'Too many requests', progress });
    expect(session.status).toMatchObject({ state: 'failed', message: 'Too many requests' });
  });

  it('rejects what is pending when it is reset or disposed', async () => {
    const { create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    const pending = session.suggest({ key: 'user', text: '' });
    session.dispose();
    await expect(pending).rejects.toThrow('reset');
  });

  it('waits for the kept index, then reads only what it lacks, and keeps what it read', () => {
    const { made, create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    session.cover({ from: 10_000, to: 30_000 });
    expect(made[0]!.sent).toEqual([{ type: 'restore', org: 'acme' }]);
    const stored = { savedAt: 1, bytes: 4300 };
    made[0]!.reply({ type: 'restored', covered: { from: 10_000, to: 20_000 }, progress, stored });
    expect(session.status.readAt).toBe(1);
    expect(loads(made[0]!.sent)).toEqual([[20_000 - SETTLE_SECONDS, 30_000, 'newer']]);
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(made[0]!.sent.at(-1)).toEqual({
      type: 'save',
      org: 'acme',
      covered: { from: 10_000, to: 30_000 },
    });
    made[0]!.reply({ type: 'saved', stored: { savedAt: 2, bytes: 5000 } });
    expect(session.status).toMatchObject({ state: 'loaded', stored: { savedAt: 2 } });
  });

  it('forgets the kept index and starts over empty', async () => {
    const { made, session } = freshSession();
    session.cover({ from: 1, to: 2 });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    made[0]!.reply({ type: 'saved', stored: { savedAt: 2, bytes: 5000 } });
    await session.forget();
    expect(made[0]!.ended).toBe(true);
    expect(session.status).toMatchObject({ state: 'idle', progress: EMPTY });
    expect(session.status.stored).toBeUndefined();
  });

  it('serves DOWNLOAD from the index once the read in flight covers the view, not before', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const port = session.streamView({ window, q: '', filter: '' });
    await Promise.resolve();
    expect(made[0]!.sent.some((m) => m.type === 'stream')).toBe(false);
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(await port).toBeInstanceOf(MessagePort);
    expect(made[0]!.sent.at(-1)).toMatchObject({ type: 'stream', request: { window } });
    (await port)?.close();
  });

  it('tells a waiting DOWNLOAD how many events the read holds as it grows', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const told: number[] = [];
    const port = session.streamView({ window, q: '', filter: '' }, undefined, (n) => told.push(n));
    made[0]!.reply({ type: 'progress', progress: { events: 700, oldest: 15_000, newest: 19_999 } });
    await Promise.resolve();
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    (await port)?.close();
    expect(told).toEqual([0, 700]);
  });

  it('sends a waiting DOWNLOAD the read’s batches ahead, then streams on that same port', async () => {
    const { made, window, ports, source } = await downloadWaitingOnARead();
    expect(ports).toHaveLength(1);
    expect(made[0]!.sent.at(-1)).toMatchObject({ type: 'prepare' });
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(await source).toBe('prepared');
    const stream = made[0]!.sent.at(-1);
    expect(stream).toMatchObject({ type: 'stream', request: { window } });
    expect(stream).not.toHaveProperty('port');
    expect(made[0]!.sent.some((m) => m.type === 'unprepare')).toBe(false);
    ports[0]!.close();
  });

  it('sends ahead again from a new worker when the read a DOWNLOAD waits on starts over', async () => {
    const { made, session, window, ports, source } = await downloadWaitingOnARead();
    // The view widens while the read runs: the session starts over in a new worker, whose
    // read covers the DOWNLOAD's view too.
    session.cover({ from: 5_000, to: 30_000 });
    expect(made).toHaveLength(2);
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    expect(made[1]!.sent.filter((m) => m.type === 'prepare')).toHaveLength(1);
    made[1]!.reply({ type: 'loaded', progress, stopped: false });
    expect(await source).toBe('prepared');
    expect(made[1]!.sent.at(-1)).toMatchObject({ type: 'stream', request: { window } });
    for (const port of ports) port.close();
  });

  it('sends a DOWNLOAD of a search nothing ahead: a batch is named only when all of it matches', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const offered = vi.fn(() => true);
    const source = session.streamView(
      { window, q: 'kim', filter: '' },
      undefined,
      undefined,
      offered,
    );
    await Promise.resolve();
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    const port = await source;
    expect(port).toBeInstanceOf(MessagePort);
    expect(offered).not.toHaveBeenCalled();
    if (port instanceof MessagePort) port.close();
  });

  it('ends the sending ahead when the read a DOWNLOAD waited on stops, and leaves it to the API', async () => {
    const { made, ports, source } = await downloadWaitingOnARead();
    made[0]!.reply({ type: 'loaded', progress, stopped: true });
    expect(await source).toBeUndefined();
    expect(made[0]!.sent.at(-1)).toEqual({ type: 'unprepare' });
    ports[0]!.close();
  });

  it('leaves DOWNLOAD to the API when the read it waited on is stopped, or covers another range', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const port = session.streamView({ window, q: '', filter: '' });
    made[0]!.reply({ type: 'loaded', progress, stopped: true });
    expect(await port).toBeUndefined();
    const elsewhere = { from: 30_000, to: 40_000 };
    expect(await session.streamView({ window: elsewhere, q: '', filter: '' })).toBeUndefined();
  });

  it('serves DOWNLOAD pressed before the kept index has answered, once it and the read are in', async () => {
    const { made, create } = fakeWorkers();
    const session = new IndexSession('acme', create, () => 0);
    const window = { from: 10_000, to: 20_000 };
    session.cover(window);
    const port = session.streamView({ window, q: '', filter: '' });
    made[0]!.reply({ type: 'restored', progress: EMPTY });
    await Promise.resolve();
    expect(session.status.state).toBe('loading');
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    expect(await port).toBeInstanceOf(MessagePort);
    (await port)?.close();
  });

  it('holds DOWNLOAD pressed while the page weighs reading the range, and serves it from the read the page then starts', async () => {
    const { made, session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.weighing(window);
    const told: [number, boolean][] = [];
    let port: MessagePort | undefined | 'waiting' = 'waiting';
    void session
      .streamView({ window, q: '', filter: '' }, undefined, (n, deciding) =>
        told.push([n, deciding]),
      )
      .then((p) => (port = p));
    await Promise.resolve();
    expect(port).toBe('waiting');
    session.cover(window);
    session.weighing(undefined);
    await Promise.resolve();
    made[0]!.reply({ type: 'loaded', progress, stopped: false });
    await vi.waitFor(() => expect(port).toBeInstanceOf(MessagePort));
    // First the decision is waited on, then the read it started.
    expect(told).toEqual([
      [0, true],
      [0, false],
    ]);
    (port as unknown as MessagePort).close();
  });

  it('leaves DOWNLOAD to the API once the page decides not to read the range', async () => {
    const { session } = freshSession();
    const window = { from: 10_000, to: 20_000 };
    session.weighing(window);
    const port = session.streamView({ window, q: '', filter: '' });
    session.weighing(undefined);
    expect(await port).toBeUndefined();
  });

  describe('a read DOWNLOAD waits on that ends short', () => {
    afterEach(() => vi.useRealTimers());
    const window = { from: 10_000, to: 20_000 };

    it('leaves DOWNLOAD to the API when the read fails mid-way', async () => {
      const { made, session } = freshSession();
      session.cover(window);
      const port = session.streamView({ window, q: '', filter: '' });
      made[0]!.reply({ type: 'progress', progress });
      made[0]!.reply({ type: 'failed', message: 'answered 500', progress });
      expect(await port).toBeUndefined();
    });

    it('leaves DOWNLOAD to the API when the read goes quiet, however long it stays "reading"', async () => {
      vi.useFakeTimers();
      const { made, session } = freshSession();
      session.cover(window);
      let port: MessagePort | undefined | 'waiting' = 'waiting';
      void session.streamView({ window, q: '', filter: '' }).then((p) => (port = p));
      // Still reading: each answered page, or a retry announced with its wait, is a sign of life.
      for (let i = 0; i < 5; i++) {
        await vi.advanceTimersByTimeAsync(READ_STALL_MS - 1000);
        made[0]!.reply({ type: 'reading', quietMs: i === 4 ? 30_000 : 0 });
      }
      await vi.advanceTimersByTimeAsync(READ_STALL_MS + 29_000);
      expect(port).toBe('waiting');
      // Then nothing at all: the read has stalled, and DOWNLOAD goes to the API.
      await vi.advanceTimersByTimeAsync(2000);
      expect(port).toBeUndefined();
      expect(session.status.state).toBe('loading');
      expect(made[0]!.sent.some((m) => m.type === 'stream')).toBe(false);
    });

    it('leaves DOWNLOAD to the API when the worker reading the range dies', async () => {
      const { made, session } = freshSession();
      session.cover(window);
      const port = session.streamView({ window, q: '', filter: '' });
      made[0]!.crash('out of memory');
      expect(await port).toBeUndefined();
      expect(session.status).toMatchObject({ state: 'failed' });
      expect(session.status.message).toMatch(/out of memory/);
    });

    it('ends the wait when DOWNLOAD is cancelled, or the index is let go', async () => {
      const { made, session } = freshSession();
      session.cover(window);
      const cancel = new AbortController();
      const cancelled = session.streamView({ window, q: '', filter: '' }, cancel.signal);
      const disposed = session.streamView({ window, q: '', filter: '' });
      cancel.abort();
      expect(await cancelled).toBeUndefined();
      session.dispose();
      expect(await disposed).toBeUndefined();
      expect(made[0]!.sent.some((m) => m.type === 'stream')).toBe(false);
    });
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Histogram } from '../../../lib/range-index/histogram.ts';
import { ActivityChart } from './activity-chart.tsx';

const HOUR = 3600;
const START = Date.parse('2026-11-24T10:00:00Z') / 1000;

/** Three hours: two events (one failed), none, five. */
const histogram: Histogram = {
  start: START,
  bucketSeconds: HOUR,
  counts: Uint32Array.of(2, 0, 5),
  failures: Uint32Array.of(1, 0, 0),
  group: 'failed',
  series: [
    { key: 'failed', label: 'Authentication failures', counts: Uint32Array.of(1, 0, 0) },
    { key: 'rest', label: 'Other events', counts: Uint32Array.of(1, 0, 5) },
  ],
  topUsers: [
    { key: 'kim', label: 'Kim Park', count: 2 },
    null,
    { key: 'lee', label: 'Lee Chan', count: 4 },
  ],
  topEvents: [
    { key: 'user-login-failed', label: 'User Login Failed', count: 1 },
    null,
    { key: 'stack-updated', label: 'Stack Updated', count: 5 },
  ],
  busiestHour: { from: START + 2 * HOUR, to: START + 3 * HOUR, count: 5 },
};

function setup() {
  const onSelectRange = vi.fn();
  const onGroup = vi.fn();
  render(
    <ActivityChart
      histogram={histogram}
      timeZone="UTC"
      from={START}
      to={START + 3 * HOUR}
      onSelectRange={onSelectRange}
      group="failed"
      onGroup={onGroup}
    />,
  );
  const plot = screen.getByRole('group', { name: /^Events over time, one bar per hour/ });
  return { onSelectRange, onGroup, plot, bars: within(plot).getAllByRole('button') };
}

/** Labels leave out the year only when the times are in this year: the clock is pinned. */
function pinClock(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(iso) });
}

beforeEach(() => pinClock('2026-11-25T12:00:00Z'));
afterEach(() => vi.useRealTimers());

describe('ActivityChart', () => {
  it('names each bar with its period, count, failures, top user and top event', () => {
    const { bars } = setup();
    expect(bars).toHaveLength(2);
    expect(bars[0]).toHaveAccessibleName(
      'Nov 24, 10:00 – 11:00: 2 events, 1 failed, top user Kim Park (2), top event User Login Failed (1)',
    );
    expect(bars[1]).toHaveAccessibleName(/: 5 events, top user Lee Chan \(4\)/);
  });

  it('is one Tab stop, on the busiest bar; arrows skip empty buckets; Enter opens a bar', async () => {
    const { bars, onSelectRange } = setup();
    expect(bars.map((bar) => bar.tabIndex)).toEqual([-1, 0]);
    bars[1]!.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(bars[0]).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onSelectRange).toHaveBeenCalledWith(START, START + HOUR);
  });

  it('selects several bars with Shift and the arrows, then opens their span', async () => {
    const { bars, onSelectRange } = setup();
    bars[0]!.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}{Enter}');
    expect(onSelectRange).toHaveBeenCalledTimes(1);
    expect(onSelectRange).toHaveBeenCalledWith(START, START + 3 * HOUR);
  });

  it('opens the busiest hour in one click, and asks for another stacking', async () => {
    const { onSelectRange, onGroup } = setup();
    await userEvent.click(
      screen.getByRole('button', { name: /^Busiest hour: Nov 24, 12:00 \(5\)/ }),
    );
    expect(onSelectRange).toHaveBeenCalledWith(START + 2 * HOUR, START + 3 * HOUR);
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Stack bars by' })).getByRole('button', {
        name: 'User',
      }),
    );
    expect(onGroup).toHaveBeenCalledWith('user');
  });

  it('names the year of times in another year, in bars, busiest hour and summary', () => {
    pinClock('2027-02-01T12:00:00Z');
    const { bars, plot } = setup();
    expect(bars[0]).toHaveAccessibleName(/^Nov 24, 2026, 10:00 – 11:00: 2 events/);
    expect(
      screen.getByRole('button', { name: /^Busiest hour: Nov 24, 2026, 12:00 \(5\)/ }),
    ).toBeVisible();
    expect(plot).toHaveAccessibleName(/from Nov 24, 2026, 10:00 – 13:00$/);
  });
});

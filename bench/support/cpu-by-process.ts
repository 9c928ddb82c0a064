/**
 * Where a benchmark's CPU time goes, by process: the embedded server, the browser (every
 * Chromium process: browser, renderer, network service, GPU) and the benchmark's own Node
 * process (Playwright's driver). Read from /proc, so on a machine without it every figure is
 * NaN and the tables show "—". On two cores, when the three add up to about twice the wall
 * time, the run is bound by CPU, not by waiting.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime: 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  cpuSeconds: number;
}

/** A Chromium process's `--type=` (renderer, gpu-process, utility…), or "browser". */
function processKind(pid: number): string {
  try {
    // Chromium rewrites its command line as one space-separated string (setproctitle).
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
    const service = args
      .find((arg) => arg.startsWith('--utility-sub-type='))
      ?.split('.')
      .at(-2);
    return service ? `${type}:${service}` : (type ?? 'browser');
  } catch {
    return 'gone';
  }
}

/** `/proc/<pid>/stat`: the parent and user + system CPU, or undefined when it is gone. */
function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid, cpuSeconds: ticks / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/** The pids under `root` (itself included). */
function descendants(stats: ProcStat[], root: number): Set<number> {
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats) {
      if (!found.has(stat.pid) && found.has(stat.ppid)) {
        found.add(stat.pid);
        grew = true;
      }
    }
  }
  return found;
}

export interface CpuSeconds {
  server: number;
  browser: number;
  bench: number;
  /** The browser's share by Chromium process kind (renderer, gpu-process, utility:network…). */
  browserByKind: Record<string, number>;
}

const NO_PROC: CpuSeconds = { server: NaN, browser: NaN, bench: NaN, browserByKind: {} };

const ownSeconds = () => {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6;
};

/**
 * Starts counting; `stop()` gives the CPU seconds each spent since. A process that started in
 * between counts from zero; one that ended in between is not counted, so figures are floors.
 */
export function watchCpu(serverPid: number | undefined) {
  const before = new Map(allStats().map((s) => [s.pid, s.cpuSeconds]));
  const benchBefore = ownSeconds();
  return {
    stop(): CpuSeconds {
      const stats = allStats();
      if (stats.length === 0 || serverPid === undefined) return NO_PROC;
      const server = descendants(stats, serverPid);
      const ours = descendants(stats, process.pid);
      const result: CpuSeconds = {
        server: 0,
        browser: 0,
        bench: ownSeconds() - benchBefore,
        browserByKind: {},
      };
      for (const stat of stats) {
        const spent = stat.cpuSeconds - (before.get(stat.pid) ?? 0);
        if (server.has(stat.pid)) result.server += spent;
        // Everything else this process started: Chromium's processes.
        else if (ours.has(stat.pid) && stat.pid !== process.pid) {
          result.browser += spent;
          const kind = processKind(stat.pid);
          result.browserByKind[kind] = (result.browserByKind[kind] ?? 0) + spent;
        }
      }
      return result;
    },
  };
}

/**
 * A method run in a Chromium with no driver attached: Playwright enables DevTools domains
 * (Network, Runtime…) in every page and worker it controls, which costs the browser CPU on each
 * request and is not what an admin's browser pays. Here Chromium is started by hand with a
 * profile that is already signed in, opens the harness with `?autorun=…` (the harness runs the
 * method itself and writes the outcome into its title), and the title is read from the DevTools
 * HTTP listing, which attaches nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.ts';
import { AUTORUN_DONE } from '../harness/autorun.ts';
import { watchCpu } from './cpu-by-process.ts';
import { METHOD_TIMEOUT_MS, type BenchServer, type MethodResult } from './export-methods.ts';
import { signIn } from './sign-in.ts';
import { watchConnections } from './tcp-connections.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh profile signed in to `baseURL` (the session cookie is persistent, so it stays). */
async function signedInProfile(baseURL: string, token: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumLaunchOptions(),
    baseURL,
    // The HTTP/2 front's certificate is self-signed (h2-front.ts).
    ignoreHTTPSErrors: true,
  });
  await signIn(context, baseURL, token);
  await context.close();
  return dir;
}

async function devToolsPort(profile: string): Promise<number> {
  const file = path.join(profile, 'DevToolsActivePort');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (existsSync(file)) return Number(readFileSync(file, 'utf8').split('\n')[0]);
    await sleep(100);
  }
  throw new Error('Chromium did not open its DevTools port');
}

async function autorunOutcome(port: number) {
  for (let waited = 0; waited < METHOD_TIMEOUT_MS; waited += 250) {
    const targets = (await fetch(`http://127.0.0.1:${port}/json/list`).then((r) => r.json())) as {
      title: string;
    }[];
    const done = targets.find((t) => t.title.startsWith(AUTORUN_DONE));
    if (done) {
      return JSON.parse(decodeURIComponent(done.title.slice(AUTORUN_DONE.length))) as {
        seconds?: number;
        events?: number;
        error?: string;
      };
    }
    await sleep(250);
  }
  throw new Error('the harness did not finish in time');
}

/** Runs `autorun` (download or single-chain) in a bare Chromium against the bench server. */
export async function bareChromiumRun(
  method: string,
  autorun: 'download' | 'single-chain',
  server: BenchServer & { adminToken: string },
  harnessPath: string,
): Promise<MethodResult> {
  const profile = await signedInProfile(server.baseURL, server.adminToken);
  const options = chromiumLaunchOptions();
  const executable = options.executablePath ?? chromium.executablePath();
  const url = `${server.baseURL}${harnessPath}?org=acme&autorun=${autorun}`;
  const browser = spawn(
    executable,
    [
      ...(options.args ?? []),
      '--headless',
      // The HTTP/2 front's certificate is self-signed (h2-front.ts).
      '--ignore-certificate-errors',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      url,
    ],
    // Downloads land under this HOME, which is deleted with the profile. Its own process group,
    // so every Chromium process ends with it.
    { stdio: 'ignore', env: { ...process.env, HOME: profile }, detached: true },
  );
  try {
    const port = await devToolsPort(profile);
    // From the browser being up: its start-up is not the method's.
    const cpu = watchCpu(server.pid);
    const connections = watchConnections(Number(new URL(server.baseURL).port));
    const outcome = await autorunOutcome(port);
    const cpuSeconds = cpu.stop();
    const peakConnections = connections.stop();
    return {
      method,
      seconds: outcome.seconds,
      events: outcome.events,
      requests: NaN,
      rateLimited: NaN,
      peakInFlight: NaN,
      longestTaskMs: NaN,
      peakPageHeapBytes: NaN,
      peakWorkerHeapBytes: NaN,
      cpu: cpuSeconds,
      peakConnections,
      error: outcome.error,
    };
  } finally {
    if (browser.exitCode === null && browser.pid) {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      process.kill(-browser.pid);
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

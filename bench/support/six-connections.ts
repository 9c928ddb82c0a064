/**
 * What HTTP/1.1 carries at best, with no browser: a Node client with six keep-alive connections
 * (Chromium's limit per host) asks the service for `pages` list pages, as fast as answers come.
 * Over HTTP/1.1 the console cannot beat this, however it reads (decision note 027).
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const CONNECTIONS = 6;

export interface SixConnectionsResult {
  pages: number;
  seconds: number;
  answersPerSecond: number;
  /** Answers other than 200 (a 429 is asked again, and counted here). */
  refused: number;
}

function getPage(agent: http.Agent, url: URL, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { authorization: `token ${token}` } }, (r) => {
      r.resume();
      r.on('end', () => resolve(r.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/**
 * Reads `pages` pages of `pageSize` events of `org`'s whole log over six connections; then lets
 * the rate limit refill.
 */
export async function sixConnectionsFloor(
  baseURL: string,
  token: string,
  org: string,
  { pages, pageSize }: { pages: number; pageSize: number },
): Promise<SixConnectionsResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL(`/api/orgs/${org}/auditlogs/v2?startTime=0`, baseURL);
  url.searchParams.set('pageSize', String(pageSize));
  url.searchParams.set('endTime', String(Math.floor(Date.now() / 1000) + 1));
  let claimed = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (claimed < pages) {
        claimed += 1;
        while ((await getPage(agent, url, token)) !== 200) refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await sleep(2000);
  return { pages, seconds, answersPerSecond: pages / seconds, refused };
}

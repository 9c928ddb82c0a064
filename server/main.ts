/**
 * The server process: `tsx server/main.ts`. Reads the environment, opens (and on first start
 * seeds) the store or points at Pulumi Cloud, and serves until SIGINT/SIGTERM.
 * `startServer(config)` runs the same in-process for tests (port 0 picks a free port).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAlertsService } from './alerts/alerts-service.ts';
import { createApp, type Backend } from './app.ts';
import { createExporter, type Exporter } from './automated-export/exporter.ts';
import { ConfigError, parseConfig, type ServerConfig } from './config.ts';
import { createHttpServer } from './http/http-server.ts';
import { describeDemoData, openDemoStore, prepareDemoData } from './demo-data.ts';
import { logLine, type LogLine } from './log-line.ts';
import { createOutboundGuard, type OutboundGuardOptions } from './outbound/outbound-guard.ts';
import { deriveKey, loadOrCreateSecret } from './secrets.ts';
import { renderAvatarSvg } from './seed/avatar-svg.ts';
import type { AuditStore } from './store/audit-store.ts';
import { checkIntegrity } from './store/check-integrity.ts';
import { TamperedLogError } from './store/tampered-log-error.ts';

export interface StartOptions {
  log?: LogLine;
  distDir?: string;
  /** Tests: the outbound guard's resolver and extra CA (a loopback store's certificate). */
  outbound?: OutboundGuardOptions;
}

/** How often the jobs look for closed hours to deliver. */
const JOBS_INTERVAL_MS = 60_000;

export interface RunningServer {
  /** `http://HOST:PORT` with the port actually bound. */
  url: string;
  port: number;
  /** Absent in proxy mode. */
  store?: AuditStore;
  close(): Promise<void>;
}

/** In-flight requests get this long to finish on shutdown before connections are cut. */
const SHUTDOWN_GRACE_MS = 5000;

function secret(config: ServerConfig, file: string): Buffer | string {
  return config.sessionSecret ?? loadOrCreateSecret(path.join(config.dataDir, file));
}

async function openBackend(config: ServerConfig, log: LogLine, options: StartOptions) {
  if (config.pulumiApiUrl) {
    const upstream = { base: config.pulumiApiUrl, timeoutMs: config.upstreamTimeoutMs };
    // Rules read Pulumi Cloud with a token an admin gives; webhooks go through the guard.
    const alerts = openAlertsService({
      dataDir: config.dataDir,
      serverSecret: secret(config, 'server-secret'),
      events: { upstream },
      guard: createOutboundGuard(config.outboundAllow, options.outbound),
      log,
    });
    const backend: Backend = {
      kind: 'proxy',
      upstreamUrl: config.pulumiApiUrl,
      timeoutMs: config.upstreamTimeoutMs,
      alerts,
    };
    return {
      backend,
      banner: [`Forwarding /api/* to ${config.pulumiApiUrl.href}`],
      store: undefined,
      exporter: undefined,
      origin: undefined,
      alerts,
    };
  }
  const { store } = openDemoStore(config);
  try {
    checkIntegrity(store, log);
    const tokens = prepareDemoData(store, config);
    const serverSecret = secret(config, 'server-secret');
    const cursorKey = deriveKey(serverSecret, 'continuation-token');
    const sealKey = deriveKey(serverSecret, 'export-credentials');
    const guard = createOutboundGuard(config.outboundAllow, options.outbound);
    // The exporter writes avatar URLs on the console's address, known once it listens.
    const origin = { value: config.publicOrigin ?? '' };
    const exporter: Exporter = createExporter({
      store,
      guard,
      sealKey,
      origin: () => origin.value,
      log,
    });
    const alerts = openAlertsService({
      dataDir: config.dataDir,
      serverSecret,
      events: { audit: store },
      guard,
      log,
    });
    const backend: Backend = {
      kind: 'local',
      store,
      cursorKey,
      automatedExport: { guard, exporter, sealKey },
      alerts,
    };
    return { backend, banner: describeDemoData(store, tokens), store, exporter, origin, alerts };
  } catch (error) {
    store.close();
    if (!(error instanceof TamperedLogError)) {
      log(logLine`could not prepare the demo data in ${config.dataDir}`);
    }
    throw error;
  }
}

function listen(app: ReturnType<typeof createApp>, config: ServerConfig) {
  return new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = createHttpServer(app, config.host);
    server.once('error', reject);
    server.listen(config.port, config.host, () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    );
  });
}

/** Starts the server: `const { url, close } = await startServer(parseConfig(env))`. */
export async function startServer(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log: LogLine = options.log ?? ((line) => console.info(line));
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const sessionKey = deriveKey(secret(config, 'session-secret'), 'session-cookie');
  const { backend, banner, store, exporter, origin, alerts } = await openBackend(
    config,
    log,
    options,
  );
  const app = createApp({
    backend,
    sessionKey,
    renderAvatar: renderAvatarSvg,
    faults: config.faults,
    maxPageSize: config.maxPageSize,
    rateLimit: config.rateLimit,
    distDir: options.distDir,
    publicOrigin: config.publicOrigin,
    log,
  });
  const { server, port } = await listen(app, config).catch(async (error: unknown) => {
    await alerts?.close();
    store?.close();
    throw error;
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log(logLine`Audit Log Console listening on ${url}`);
  if (config.jobs) alerts?.startJob(config.publicOrigin ?? url);
  banner.forEach((line) => log(logLine`${line}`));
  if (origin && !origin.value) origin.value = url;
  if (exporter && config.jobs) exporter.start(JOBS_INTERVAL_MS);
  const close = () =>
    new Promise<void>((resolve) => {
      const stopped = exporter?.stop() ?? Promise.resolve();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        void Promise.all([stopped, alerts?.close()]).then(() => {
          store?.close();
          resolve();
        });
      });
      server.closeIdleConnections();
    });
  return { url, port, store, close };
}

/** The process: configuration from the environment, shutdown on SIGINT/SIGTERM. */
export async function main(options: StartOptions = {}): Promise<void> {
  let config: ServerConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(logLine`Configuration error: ${error.message}`);
    process.exit(1);
  }
  // Installed before start-up so a signal during seeding still ends the process cleanly.
  const state: { running?: RunningServer } = {};
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.info(logLine`${signal}: shutting down`);
      void (state.running?.close() ?? Promise.resolve()).then(() => process.exit(0));
    });
  }
  state.running = await startServer(config, options);
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  main().catch((error: unknown) => {
    console.error(logLine`${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

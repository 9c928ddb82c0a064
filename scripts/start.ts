/**
 * `npm start`: build the app if needed, then run the server in front of it (on the embedded
 * demo data unless PULUMI_API_URL points at Pulumi Cloud).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

await buildIfStale();

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});

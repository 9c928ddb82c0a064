/**
 * `npm run dev`: the console's server on DEV_API_PORT (8787) with the demo data, and Vite's dev
 * server on 5173 forwarding /api, /console and /avatars to it (see vite.config.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.DEV_API_PORT ?? '8787';

const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort },
});

const vite = await createServer({ root: repoRoot });
await vite.listen();
vite.printUrls();

async function stop() {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
api.on('exit', (code) => {
  if (code) console.error(`the API server exited with code ${code}`);
});

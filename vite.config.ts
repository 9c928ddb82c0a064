import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the console's own server runs beside Vite (see scripts/dev.ts); Vite forwards
// the API and the session routes to it so the browser sees one origin, as in production.
const devServerTarget = `http://127.0.0.1:${process.env.DEV_API_PORT ?? '8787'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // Not shipped: the server would hand them to anyone, with the sources they embed.
    sourcemap: false,
  },
  worker: {
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': devServerTarget,
      '/console': devServerTarget,
      '/avatars': devServerTarget,
    },
  },
});

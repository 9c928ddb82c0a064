import type { HttpBindings } from '@hono/node-server';

/** Per-request values shared between middleware and handlers. */
export interface AppVariables {
  /** The token from a valid session cookie, set only when no Authorization header was sent. */
  sessionToken?: string;
  /** The authenticated user's login (embedded service only). */
  login?: string;
  /** PUBLIC_URL's origin, when configured: used instead of the Host header. */
  publicOrigin?: string;
}

/** `incoming` is absent when the app is called without a Node server (`app.request`). */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: AppVariables;
}

/** The parts of s3rver (no published types) the tests use. */
declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';

  interface KoaContext {
    req: IncomingMessage;
    method: string;
    url: string;
    status: number;
    body: unknown;
    type: string;
  }
  type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;

  export default class S3rver {
    constructor(options: {
      port?: number;
      address?: string;
      silent?: boolean;
      directory: string;
      key?: string | Buffer;
      cert?: string | Buffer;
      configureBuckets?: { name: string }[];
    });
    middleware: Middleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

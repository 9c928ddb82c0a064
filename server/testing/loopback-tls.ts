/** The tests' self-signed certificate for loopback HTTPS servers (see tls/README.md). */
import { readFileSync } from 'node:fs';

const dir = new URL('./tls/', import.meta.url);

export const LOOPBACK_CERT = readFileSync(new URL('loopback-cert.pem', dir), 'utf8');
export const LOOPBACK_KEY = readFileSync(new URL('loopback-key.pem', dir), 'utf8');

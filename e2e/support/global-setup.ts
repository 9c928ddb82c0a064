/**
 * Starts one seeded server for the whole browser-test run, and a second instance in upstream
 * mode whose PULUMI_API_URL is the first, as a deployment against Pulumi Cloud would run; hands
 * both addresses to the tests through the environment (workers inherit it), and an S3-compatible
 * store for automated export.
 */
import { fileURLToPath } from 'node:url';
import { startS3Store } from '../../server/testing/s3-store.ts';
import { startTestServer } from './test-server.ts';

const LOOPBACK_CA = fileURLToPath(
  new URL('../../server/testing/tls/loopback-cert.pem', import.meta.url),
);

export default async function globalSetup() {
  // An S3-compatible store on loopback over HTTPS for automated export, which the seeded server
  // may reach (OUTBOUND_ALLOW) and whose self-signed certificate it trusts.
  const s3 = await startS3Store(['audit']);
  const server = await startTestServer({
    demoEvents: 3000,
    env: { OUTBOUND_ALLOW: '127.0.0.1', NODE_EXTRA_CA_CERTS: LOOPBACK_CA },
  });
  const proxy = await startTestServer({ env: { PULUMI_API_URL: server.baseURL } });
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_UPSTREAM_BASE_URL = proxy.baseURL;
  process.env.E2E_ADMIN_TOKEN = server.adminToken;
  process.env.E2E_MEMBER_TOKEN = server.memberToken;
  process.env.E2E_S3_ENDPOINT = s3.endpoint;
  return async () => {
    await proxy.stop();
    await server.stop();
    await s3.close();
  };
}

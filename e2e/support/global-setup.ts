/**
 * Starts one seeded server for the whole browser-test run, and a second instance in upstream
 * mode whose PULUMI_API_URL is the first, as a deployment against Pulumi Cloud would run; hands
 * both addresses to the tests through the environment (workers inherit it).
 */
import { startTestServer } from './test-server.ts';

export default async function globalSetup() {
  const server = await startTestServer({ demoEvents: 3000 });
  const proxy = await startTestServer({ env: { PULUMI_API_URL: server.baseURL } });
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_UPSTREAM_BASE_URL = proxy.baseURL;
  process.env.E2E_ADMIN_TOKEN = server.adminToken;
  process.env.E2E_MEMBER_TOKEN = server.memberToken;
  return async () => {
    await proxy.stop();
    await server.stop();
  };
}

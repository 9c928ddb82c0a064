/**
 * Starts one seeded server for the whole browser-test run and hands its address to the tests
 * through the environment (workers inherit it).
 */
import { startTestServer } from './test-server.ts';

export default async function globalSetup() {
  const server = await startTestServer({ demoEvents: 3000 });
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_ADMIN_TOKEN = server.adminToken;
  process.env.E2E_MEMBER_TOKEN = server.memberToken;
  return async () => {
    await server.stop();
  };
}

/**
 * Automated export's endpoints (Pulumi's `/api/orgs/{org}/auditlogs/export/config`), the same
 * against the embedded service and, through the proxy, Pulumi Cloud. Answers are checked here.
 */
import { InvalidAnswerError } from '../../../../common/pulumi/invalid-answer.ts';
import type {
  AuditLogExportResult,
  OrganizationAuditLogExportSettings,
  UpdateOrganizationAuditLogExportSettingsRequest,
  AuditLogsExportS3CompatibleConfig,
  AuditLogsExportS3Config,
} from '../../../../common/pulumi/export-config-types.ts';
import { ApiError, apiGet, apiRequest, ignoreBody } from '../../../lib/api-client.ts';

const configPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}/auditlogs/export/config`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkExportResult(body: unknown): AuditLogExportResult {
  if (!isObject(body) || typeof body.message !== 'string' || typeof body.timestamp !== 'number') {
    throw new InvalidAnswerError('not an AuditLogExportResult');
  }
  return { timestamp: body.timestamp, message: body.message };
}

export function checkSettings(body: unknown): OrganizationAuditLogExportSettings {
  if (!isObject(body) || typeof body.enabled !== 'boolean' || !isObject(body.s3Config)) {
    throw new InvalidAnswerError('not an OrganizationAuditLogExportSettings');
  }
  const settings = body as unknown as OrganizationAuditLogExportSettings;
  return { ...settings, lastResult: checkExportResult(body.lastResult) };
}

/** The configuration, or null when there is none (Pulumi answers 404). */
export async function getExportSettings(
  org: string,
  signal?: AbortSignal,
): Promise<OrganizationAuditLogExportSettings | null> {
  try {
    return await apiGet(configPath(org), checkSettings, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function saveExportSettings(
  org: string,
  request: UpdateOrganizationAuditLogExportSettingsRequest,
): Promise<void> {
  return apiRequest('POST', configPath(org), ignoreBody, request);
}

export function deleteExportSettings(org: string): Promise<void> {
  return apiRequest('DELETE', configPath(org), ignoreBody);
}

export function testExportDestination(
  org: string,
  destination: AuditLogsExportS3Config | AuditLogsExportS3CompatibleConfig,
): Promise<AuditLogExportResult> {
  return apiRequest('POST', `${configPath(org)}/test`, checkExportResult, destination);
}

/** Writes the hour holding `timestamp` (unix seconds) again. */
export function forceExportHour(org: string, timestamp: number): Promise<AuditLogExportResult> {
  return apiRequest('POST', `${configPath(org)}/force`, checkExportResult, undefined, {
    query: { timestamp },
  });
}

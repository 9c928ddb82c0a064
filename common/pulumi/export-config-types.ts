/**
 * Automated export's wire types: Pulumi's `/api/orgs/{org}/auditlogs/export/config` endpoints
 * (spec/pulumi/openapi-auditlogs.yml, S3-compatible variant in
 * spec/pulumi/openapi-auditlogs-export.yml), shared by the embedded service and the console.
 */

/** `AuditLogsExportS3Config`: AWS S3, written with an IAM role. */
export interface AuditLogsExportS3Config {
  s3BucketName: string;
  s3PathPrefix?: string;
  iamRoleArn: string;
}

/** `AuditLogsExportS3CompatibleConfig`: any S3-compatible store over https. */
export interface AuditLogsExportS3CompatibleConfig {
  /** https only. */
  endpoint: string;
  /** Defaults to `us-east-1`. */
  region?: string;
  s3BucketName: string;
  s3PathPrefix?: string;
  accessKeyId: string;
  /** Write-only: never returned; omitted on update to keep the stored one. */
  secretAccessKey?: string;
}

/** `AuditLogExportResult`: `message` is "" when it worked, else for the admin. */
export interface AuditLogExportResult {
  /** Unix seconds; 0 before any attempt. */
  timestamp: number;
  message: string;
}

/** `OrganizationAuditLogExportSettings` (GET). */
export interface OrganizationAuditLogExportSettings {
  enabled: boolean;
  s3Config: AuditLogsExportS3Config;
  s3CompatibleConfig?: Omit<AuditLogsExportS3CompatibleConfig, 'secretAccessKey'>;
  lastResult: AuditLogExportResult;
  /** Embedded service only: start (unix seconds) of the hour last delivered. */
  lastDeliveredHour?: number;
}

/** `UpdateOrganizationAuditLogExportSettingsRequest` (POST): one of the two configurations. */
export interface UpdateOrganizationAuditLogExportSettingsRequest {
  newEnabled: boolean;
  newS3Configuration?: AuditLogsExportS3Config;
  newS3CompatibleConfiguration?: AuditLogsExportS3CompatibleConfig;
}

/** The region an S3-compatible configuration uses when it names none. */
export const DEFAULT_EXPORT_REGION = 'us-east-1';

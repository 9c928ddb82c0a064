/**
 * The configuration form's fields and how they become Pulumi's request bodies. The secret is
 * write-only: the form starts with it empty, and an empty secret is left out of the request so
 * the server keeps the stored one.
 */
import {
  DEFAULT_EXPORT_REGION,
  type AuditLogsExportS3CompatibleConfig,
  type AuditLogsExportS3Config,
  type OrganizationAuditLogExportSettings,
  type UpdateOrganizationAuditLogExportSettingsRequest,
} from '../../../common/pulumi/export-config-types.ts';

export type DestinationKind = 's3-compatible' | 's3';

export interface ExportForm {
  kind: DestinationKind;
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  /** Never filled from the server. */
  secretAccessKey: string;
  iamRoleArn: string;
}

export const EMPTY_FORM: ExportForm = {
  kind: 's3-compatible',
  endpoint: '',
  region: DEFAULT_EXPORT_REGION,
  bucket: '',
  prefix: '',
  accessKeyId: '',
  secretAccessKey: '',
  iamRoleArn: '',
};

/** The form for a stored configuration (its secret stays on the server). */
export function formOf(settings: OrganizationAuditLogExportSettings | null): ExportForm {
  if (!settings) return EMPTY_FORM;
  const compatible = settings.s3CompatibleConfig;
  if (compatible) {
    return {
      ...EMPTY_FORM,
      kind: 's3-compatible',
      endpoint: compatible.endpoint,
      region: compatible.region ?? DEFAULT_EXPORT_REGION,
      bucket: compatible.s3BucketName,
      prefix: compatible.s3PathPrefix ?? '',
      accessKeyId: compatible.accessKeyId,
    };
  }
  return {
    ...EMPTY_FORM,
    kind: 's3',
    bucket: settings.s3Config.s3BucketName,
    prefix: settings.s3Config.s3PathPrefix ?? '',
    iamRoleArn: settings.s3Config.iamRoleArn,
  };
}

/** The destination as the test endpoint takes it. */
export function destinationOf(
  form: ExportForm,
): AuditLogsExportS3Config | AuditLogsExportS3CompatibleConfig {
  const common = { s3BucketName: form.bucket.trim(), s3PathPrefix: form.prefix.trim() };
  if (form.kind === 's3') return { ...common, iamRoleArn: form.iamRoleArn.trim() };
  return {
    ...common,
    endpoint: form.endpoint.trim(),
    region: form.region.trim() || DEFAULT_EXPORT_REGION,
    accessKeyId: form.accessKeyId.trim(),
    ...(form.secretAccessKey ? { secretAccessKey: form.secretAccessKey } : {}),
  };
}

/** The update request that saves the form with `enabled`. */
export function updateOf(
  form: ExportForm,
  enabled: boolean,
): UpdateOrganizationAuditLogExportSettingsRequest {
  const destination = destinationOf(form);
  return 'endpoint' in destination
    ? { newEnabled: enabled, newS3CompatibleConfiguration: destination }
    : { newEnabled: enabled, newS3Configuration: destination };
}

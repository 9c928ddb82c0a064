/**
 * Descriptions that echo user-supplied text verbatim, the way real audit logs do: a commit
 * message with line breaks, a tag value that is a spreadsheet formula, a Slack `@channel`.
 * They are rare in the data but always present, so every CSV and CEF escaping path is exercised
 * (RFC 4180 quoting, and the formula guard for a leading `=`, `+`, `-` or `@`).
 */
export interface EdgeCaseEvent {
  event: string;
  description: string;
}

/** The edge cases for an org and actor: `edgeCaseEvents('acme', 'kim')[0].description.startsWith('=')`. */
export function edgeCaseEvents(org: string, actor: string): EdgeCaseEvent[] {
  return [
    {
      event: 'environment-tag-updated',
      description: `=HYPERLINK("https://example.com/runbook","Runbook") was set as the tag "runbook" of the environment "payments/prod".`,
    },
    {
      event: 'team-updated',
      description: `+1 (555) 010-0199 was set as the on-call phone of the team "sre".`,
    },
    {
      event: 'scheduled-deployment-updated',
      description: `-Xmx4g, -Dlog.level=debug were added to the deployment settings of the stack "${org}/data-pipeline/prod".`,
    },
    {
      event: 'agent-integration-enabled',
      description: `@channel will be notified in Slack when Neo opens a pull request for "${org}".`,
    },
    {
      event: 'stack-update-started',
      description: `Stack "${org}/checkout/prod" update started with the message "Fix checkout, again\n\nCo-authored-by: Kim Nguyễn <kim@acme.example>".`,
    },
    {
      event: 'agent-task-created',
      description: `User "${actor}" created the Neo task "Audit our S3 buckets:\n- block public access\n- enable versioning".`,
    },
    {
      event: 'environment-tag-created',
      description: `User "${actor}" added the tag "note" = "=cmd|' /C calc'!A0" to the environment "shared/aws-prod".`,
    },
  ];
}

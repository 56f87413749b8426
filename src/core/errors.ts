/**
 * Every refusal Sitrep gives a user is a SitrepError: a stable code for programs and logs,
 * and one sentence for people that says what was wrong and what would be right.
 */
export type ErrorCode =
  | 'empty_command'
  | 'unknown_subcommand'
  | 'missing_argument'
  | 'unexpected_argument'
  | 'invalid_severity'
  | 'invalid_status'
  | 'invalid_role'
  | 'invalid_impact'
  | 'invalid_mention'
  | 'invalid_time'
  | 'invalid_zone'
  | 'future_time'
  | 'nonexistent_time'
  | 'text_too_long'
  | 'control_characters'
  | 'unknown_component'
  | 'incident_not_found'
  | 'no_incident_in_context'
  | 'incident_resolved'
  | 'incident_not_resolved'
  | 'no_change'
  | 'action_not_found'
  | 'action_already_done'
  | 'not_allowed'
  | 'storage_unavailable'
  | 'internal';

export class SitrepError extends Error {
  readonly code: ErrorCode;

  /** The form field at fault, when the command came from a form (Slack modal, Teams card). */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'SitrepError';
    this.code = code;
    this.field = field;
  }
}

export function isSitrepError(err: unknown): err is SitrepError {
  return err instanceof SitrepError;
}

/**
 * zh-CN labels of the work-order vocabulary for the console. The words themselves live in src/shared/labels.ts,
 * which the server uses too (one place for both sides); this file only widens them for lookups by any string and
 * adds the console's colours.
 */
import * as shared from '@shared/labels.ts';

export const STATUS_LABELS: Record<string, string> = shared.STATUS_LABELS;

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'gold',
  registered: 'blue',
  dispatched: 'geekblue',
  in_progress: 'processing',
  returned: 'volcano',
  replied: 'cyan',
  closed: 'green',
  archived: 'default',
  merged: 'default',
};

export const CHANNEL_LABELS: Record<string, string> = shared.CHANNEL_LABELS;

export const TYPE_LABELS: Record<string, string> = shared.TYPE_LABELS;

export const URGENCY_LABELS: Record<string, string> = shared.URGENCY_LABELS;

export const SATISFACTION_LABELS: Record<string, string> = shared.SATISFACTION_LABELS;

export const RETURN_REASON_LABELS: Record<string, string> = shared.RETURN_REASON_LABELS;

export const ACTION_LABELS: Record<string, string> = shared.ACTION_LABELS;

export const ROLE_LABELS: Record<string, string> = shared.ROLE_LABELS;

export const APPEAL_LABELS: Record<string, string> = shared.APPEAL_LABELS;

export const EXTENSION_OUTCOME_LABELS: Record<string, string> = shared.EXTENSION_OUTCOME_LABELS;

export const DEADLINE_LABELS: Record<string, string> = shared.DEADLINE_LABELS;

export const DISPUTE_OUTCOME_LABELS: Record<string, string> = shared.DISPUTE_OUTCOME_LABELS;

export const DISPUTE_OUTCOME_COLORS: Record<string, string> = {
  pending: 'gold',
  uphold: 'default',
  redirect: 'volcano',
  joint: 'blue',
  withdrawn: 'default',
};

/* ---- Contact centre (话务) ---- */

export const ABANDON_REASON_LABELS: Record<string, string> = shared.ABANDON_REASON_LABELS;

export const CALLBACK_STATUS_LABELS: Record<string, string> = shared.CALLBACK_STATUS_LABELS;

export const EXEMPTION_STATUS_LABELS: Record<string, string> = shared.EXEMPTION_STATUS_LABELS;

export const EXEMPTION_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
};

export const CALL_OUTCOME_LABELS: Record<string, string> = shared.CALL_OUTCOME_LABELS;

export const CALL_GRANULARITY_LABELS: Record<string, string> = shared.CALL_GRANULARITY_LABELS;

export const CALL_IMPORT_FORMAT_LABELS: Record<string, string> = shared.CALL_IMPORT_FORMAT_LABELS;

export const CALL_SOURCE_LABELS: Record<string, string> = shared.CALL_SOURCE_LABELS;

export const ALERT_SEVERITY_LABELS: Record<string, string> = shared.ALERT_SEVERITY_LABELS;

export const IVR_RATING_LABELS: Record<number, string> = shared.IVR_RATING_LABELS;

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const REPLY_ELEMENT_LABELS: Record<string, string> = shared.REPLY_ELEMENT_LABELS;

export const REPLY_VERDICT_LABELS: Record<string, string> = shared.REPLY_VERDICT_LABELS;

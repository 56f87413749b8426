/** Who and what was hit: severity, affected components, and the status updates people read. */
import { type PostmortemContext, affectedComponents } from './facts';
import { IMPACT_WORDS, SEVERITY_IMPACT, STATUS_WORDS, severityLabel } from '../labels';
import { escapeStruck, escapeText } from './markdown';
import { PLACEHOLDERS } from './placeholders';

export function impactSection(ctx: PostmortemContext, out: string[]): void {
  const { incident } = ctx;
  out.push(
    '## Impact',
    '',
    `**Severity:** ${severityLabel(incident.severity)} (${SEVERITY_IMPACT[incident.severity]})`,
    '',
    '**Affected components** (worst impact seen):',
    '',
  );
  const components = affectedComponents(ctx);
  if (components.length === 0) out.push(PLACEHOLDERS.components);
  for (const c of components) out.push(`- ${escapeText(c.name)}: ${IMPACT_WORDS[c.worst]}`);
  out.push('', '### Status updates published', '');
  statusUpdates(ctx, out);
}

/**
 * Each status update (resolving an incident publishes one too), oldest first, the way a status page shows them: the status, the message,
 * when it was posted, and whether it went beyond the incident channel.
 */
function statusUpdates({ views, fmt }: PostmortemContext, out: string[]): void {
  let count = 0;
  for (const v of views) {
    if (v.kind !== 'status_update' && v.kind !== 'resolved') continue;
    count++;
    const status = STATUS_WORDS[v.data.status ?? (v.kind === 'resolved' ? 'resolved' : 'investigating')];
    const message = escapeText(v.body) || '(no message)';
    let text = `**${status}**: ${message}`;
    if (v.retracted) text = `~~${escapeStruck(text)}~~ (retracted)`;
    else if (v.corrected) text += ' (corrected)';
    const audience = v.data.public ? 'public' : 'internal only';
    out.push(`- ${text} _Posted ${fmt.dateTime(v.entry.occurredAt)} by ${escapeText(v.entry.author.name)}; ${audience}._`);
  }
  if (count === 0) out.push('No status updates were posted.');
}

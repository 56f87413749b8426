/** The opening of a postmortem: title line, summary and duration. */
import { type PostmortemContext, mitigation } from './facts';
import { STATUS_WORDS, severityLabel } from '../labels';
import { escapeHeading, escapeText } from './markdown';
import { PLACEHOLDERS } from './placeholders';

/** "# INC-42: Title" and "**SEV2** · Resolved · Commander: Alice Chen · Postmortem draft" */
export function titleSection({ incident }: PostmortemContext, out: string[]): void {
  const commander = incident.roles.commander;
  out.push(
    `# INC-${incident.number}: ${escapeHeading(incident.title)}`,
    '',
    [
      `**${severityLabel(incident.severity)}**`,
      STATUS_WORDS[incident.status],
      `Commander: ${commander ? escapeText(commander.name) : 'not assigned'}`,
      'Postmortem draft',
    ].join(' · '),
  );
}

export function summarySection({ incident }: PostmortemContext, out: string[]): void {
  const summary = escapeText(incident.summary);
  out.push('## Summary', '', summary === '' ? PLACEHOLDERS.summary : summary);
}

/** Key times in the incident's zone, how long it lasted, and how fast it was declared, mitigated, resolved. */
export function durationSection(ctx: PostmortemContext, out: string[]): void {
  const { incident, fmt } = ctx;
  const started = incident.startedAt;
  const mitigated = mitigation(ctx);
  const isResolved = incident.status === 'resolved';
  const resolved = isResolved ? incident.resolvedAt : null;
  const unresolved = isResolved ? 'not recorded' : 'ongoing';
  const since = (at: Date): string => fmt.between(started, at);

  let mitigatedAt = 'not recorded';
  if (mitigated) {
    mitigatedAt = fmt.dateTime(mitigated.at) + (mitigated.fromStatusUpdate ? ' (first Monitoring update)' : '');
  }
  out.push(
    '## Duration',
    '',
    `- **Started:** ${fmt.dateTime(started)}`,
    `- **Declared:** ${fmt.dateTime(incident.declaredAt)}`,
    `- **Mitigated:** ${mitigatedAt}`,
    `- **Resolved:** ${resolved ? fmt.dateTime(resolved) : unresolved}`,
    `- **Total:** ${resolved ? since(resolved) : unresolved}`,
    '',
    'Response metrics, from the start:',
    '',
    `- **Time to declare:** ${since(incident.declaredAt)}`,
    `- **Time to mitigate:** ${mitigated ? since(mitigated.at) : 'not recorded'}`,
    `- **Time to resolve:** ${resolved ? since(resolved) : unresolved}`,
  );
}

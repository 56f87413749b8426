/**
 * Modelled on "Temporary Image Unavailability After Storage Migration": three days in
 * Europe/Paris across the October DST change (26 Oct 2025, 03:00 CEST → 02:00 CET), so the
 * wall clock goes back an hour mid-incident. A retracted theory, a corrected note, an entry
 * recorded the next day, no summary and no recorded mitigation time (the first Monitoring
 * update stands in). Teams users.
 */
import type { IncidentRecord } from '../types';
import { action, at, incident, people, timeline } from './fixtures';

const { lea, hugo, camille } = people;
const id = 'inc_118';
const cms = 'Campaign Management (core service)';

export function storageMigration(): IncidentRecord {
  return {
    incident: incident({
      id,
      number: 118,
      title: 'Some images may fail to load with your campaigns',
      summary: '',
      severity: 'sev3',
      status: 'resolved',
      zone: 'Europe/Paris',
      startedAt: at('2025-10-25T22:40:00+02:00'),
      declaredAt: at('2025-10-25T23:05:00+02:00'),
      mitigatedAt: null,
      resolvedAt: at('2025-10-27T11:00:00+01:00'),
      roles: { commander: lea },
      components: {},
      createdBy: lea,
    }),
    timeline: timeline(
      id,
      [
        {
          id: 'p01',
          at: '2025-10-25T23:05:00+02:00',
          kind: 'declared',
          by: lea,
          body: 'Some images may fail to load with your campaigns',
          data: { severity: 'sev3', status: 'investigating', title: 'Some images may fail to load with your campaigns', public: true },
        },
        { id: 'p02', at: '2025-10-25T23:05:00+02:00', kind: 'role_assigned', by: lea, body: 'Léa Martin leads the incident', data: { role: 'commander', person: lea } },
        { id: 'p03', at: '2025-10-25T23:06:00+02:00', kind: 'component_impact', by: lea, body: `${cms}: degraded performance`, data: { component: cms, impact: 'degraded_performance', previousImpact: null } },
        {
          id: 'p04',
          at: '2025-10-25T23:10:00+02:00',
          kind: 'status_update',
          by: lea,
          body: 'We are currently investigating an issue that prevents some images to load with your campaigns.',
          data: { status: 'investigating', previousStatus: 'investigating', public: true, components: { [cms]: 'degraded_performance' } },
        },
        { id: 'p05', at: '2025-10-25T23:40:00+02:00', kind: 'note', by: hugo, body: 'Every missing file was uploaded after the storage cutover at 18:00.' },
        { id: 'p06', at: '2025-10-25T23:52:00+02:00', kind: 'note', by: hugo, body: 'The content cache is serving stale 404s for these files.' },
        {
          id: 'p07',
          at: '2025-10-26T00:20:00+02:00',
          kind: 'retraction',
          by: hugo,
          body: 'Wrong: the cache is fine, the new storage itself answers 404.',
          supersedes: 'p06',
        },
        { id: 'p08', at: '2025-10-26T01:15:00+02:00', kind: 'note', by: hugo, body: 'Sync job copied 1,240 of 1,540 files; 300 are missing.' },
        {
          id: 'p09',
          at: '2025-10-26T01:15:00+02:00',
          recorded: '2025-10-26T01:31:00+02:00',
          kind: 'note',
          by: hugo,
          body: 'Sync job copied 1,420 of 1,540 files; 120 are missing on the new storage.',
          supersedes: 'p08',
        },
        { id: 'p10', at: '2025-10-26T02:30:00+02:00', kind: 'component_impact', by: lea, body: `${cms}: partial outage`, data: { component: cms, impact: 'partial_outage', previousImpact: 'degraded_performance' } },
        // 02:30 CEST is 00:30 UTC; 02:10 CET below is 01:10 UTC, forty minutes later.
        { id: 'p11', at: '2025-10-26T02:10:00+01:00', kind: 'note', by: hugo, body: 'Pausing for the night; the storage team joins at 09:00.' },
        {
          id: 'p12',
          at: '2025-10-26T02:15:00+01:00',
          kind: 'status_update',
          by: lea,
          body: 'We have identified the cause: files uploaded during a storage migration were not yet copied to the new storage. We are working on a fix.',
          data: { status: 'identified', previousStatus: 'investigating', public: true },
        },
        { id: 'p13', at: '2025-10-26T09:30:00+01:00', kind: 'note', by: camille, body: 'Fallback rule on staging: read from the previous storage when a file is missing on the new one.' },
        {
          id: 'p14',
          at: '2025-10-26T14:05:00+01:00',
          kind: 'pinned_message',
          by: camille,
          body: 'Fallback rule is live in production.',
          data: { permalink: 'https://teams.microsoft.com/l/message/19:inc118@thread.tacv2/1761483900000' },
        },
        { id: 'p15', at: '2025-10-26T14:10:00+01:00', kind: 'component_impact', by: lea, body: `${cms}: degraded performance`, data: { component: cms, impact: 'degraded_performance', previousImpact: 'partial_outage' } },
        {
          id: 'p16',
          at: '2025-10-26T14:20:00+01:00',
          kind: 'status_update',
          by: lea,
          body: 'A fix has been implemented and we are monitoring the results.',
          data: { status: 'monitoring', previousStatus: 'identified', public: true },
        },
        {
          id: 'p17',
          at: '2025-10-26T15:00:00+01:00',
          kind: 'note',
          by: camille,
          body: 'Root cause: the migration copied existing files once, the cutover happened before files uploaded in the meantime were synchronised, and the content cache had no fallback.',
        },
        {
          id: 'p18',
          at: '2025-10-26T16:00:00+01:00',
          recorded: '2025-10-27T09:05:00+01:00',
          kind: 'note',
          by: camille,
          body: 'Final sync run finished: no files missing.',
        },
        { id: 'p19', at: '2025-10-27T10:40:00+01:00', kind: 'component_impact', by: lea, body: `${cms}: operational`, data: { component: cms, impact: null, previousImpact: 'degraded_performance' } },
        {
          id: 'p20',
          at: '2025-10-27T11:00:00+01:00',
          kind: 'resolved',
          by: lea,
          body: 'This incident has been resolved. All images are served again; the fallback to the previous storage stays until the integrity check is done.',
          data: { status: 'resolved', previousStatus: 'monitoring', public: true, components: {} },
        },
        { id: 'p22', at: '2025-10-27T11:05:00+01:00', kind: 'action_added', by: lea, body: 'Use incremental synchronisation during storage migrations', data: { actionNumber: 1, person: hugo } },
        { id: 'p23', at: '2025-10-27T11:06:00+01:00', kind: 'action_added', by: lea, body: 'Remove the fallback once data integrity is confirmed', data: { actionNumber: 2, person: camille } },
      ],
      'teams',
    ),
    actions: [
      action(id, 1, 'Use incremental synchronisation during storage migrations', hugo, '2025-10-27T11:05:00+01:00'),
      action(id, 2, 'Remove the fallback once data integrity is confirmed', camille, '2025-10-27T11:06:00+01:00'),
    ],
  };
}

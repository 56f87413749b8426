/**
 * Modelled on "E-commerce Platform Image Outage": a database upgrade cut the image service off
 * from its database. America/Los_Angeles (PDT); the start and early alerts were back-dated once
 * the incident was declared. Resolved in about three hours, with action items.
 */
import type { IncidentRecord } from '../types';
import { action, at, incident, people, timeline } from './fixtures';

const { dana, marcus, priya } = people;
const id = 'inc_42';
const PDT = '-07:00';
const t = (clock: string): string => `2024-05-31T${clock}${PDT}`;

export function imageOutage(): IncidentRecord {
  return {
    incident: incident({
      id,
      number: 42,
      title: 'Product images fail to load on the storefront',
      summary:
        'A configuration change shipped with a scheduled database upgrade stopped the image service from reaching its database. Product images failed to load for most storefront visitors until the configuration was reverted.',
      severity: 'sev2',
      status: 'resolved',
      zone: 'America/Los_Angeles',
      startedAt: at(t('09:58:00')),
      declaredAt: at(t('10:20:00')),
      mitigatedAt: at(t('12:02:00')),
      resolvedAt: at(t('13:02:00')),
      roles: { commander: dana, comms: priya },
      components: {},
      createdBy: dana,
    }),
    timeline: timeline(id, [
      {
        id: 'e01',
        at: t('10:20:00'),
        kind: 'declared',
        by: dana,
        body: 'Product images fail to load on the storefront',
        data: { severity: 'sev3', status: 'investigating', title: 'Product images fail to load on the storefront', public: true },
      },
      { id: 'e01b', at: t('10:20:00'), kind: 'role_assigned', by: dana, body: 'Dana Whitfield leads the incident', data: { role: 'commander', person: dana } },
      { id: 'e02', at: t('09:58:00'), recorded: t('10:24:10'), kind: 'note', by: dana, body: 'Database server upgrade to 16.3 starts (change CHG-1182).' },
      { id: 'e03', at: t('10:15:00'), recorded: t('10:24:40'), kind: 'note', by: dana, body: 'Monitoring alert: failed image loads above 40% on the storefront.' },
      { id: 'e05', at: t('10:22:00'), kind: 'component_impact', by: dana, body: 'Image storage: major outage', data: { component: 'Image storage', impact: 'major_outage', previousImpact: null } },
      { id: 'e06', at: t('10:22:30'), kind: 'component_impact', by: dana, body: 'Storefront: degraded performance', data: { component: 'Storefront', impact: 'degraded_performance', previousImpact: null } },
      {
        id: 'e07',
        at: t('10:25:00'),
        kind: 'status_update',
        by: dana,
        body: 'We are currently investigating an issue that prevents product images from loading.',
        data: { status: 'investigating', public: true, components: { 'Image storage': 'major_outage', Storefront: 'degraded_performance' } },
      },
      { id: 'e08', at: t('10:31:00'), kind: 'note', by: marcus, body: 'CDN provider reports no issues on their side.' },
      { id: 'e09', at: t('10:33:00'), kind: 'role_assigned', by: dana, body: 'Priya Raman is communications lead', data: { role: 'comms', person: priya } },
      {
        id: 'e10',
        at: t('10:50:00'),
        kind: 'status_update',
        by: dana,
        body: 'CDN ruled out; widening the search to the application servers and the database.',
        data: { status: 'investigating', public: false },
      },
      { id: 'e11', at: t('11:05:00'), kind: 'severity_changed', by: dana, body: 'sev3 → sev2', data: { severity: 'sev2', previousSeverity: 'sev3' } },
      { id: 'e12', at: t('11:05:30'), kind: 'component_impact', by: dana, body: 'Storefront: partial outage', data: { component: 'Storefront', impact: 'partial_outage', previousImpact: 'degraded_performance' } },
      {
        id: 'e13',
        at: t('11:31:00'),
        kind: 'note',
        by: marcus,
        body: 'Root cause: the upgrade replaced pg_hba.conf and dropped the rule that lets the image service connect.',
      },
      {
        id: 'e14',
        at: t('11:34:00'),
        kind: 'status_update',
        by: priya,
        body: 'We have identified a database configuration change as the cause and are reverting it.',
        data: { status: 'identified', previousStatus: 'investigating', public: true },
      },
      {
        id: 'e15',
        at: t('11:40:00'),
        kind: 'pinned_message',
        by: marcus,
        body: 'Revert plan: restore pg_hba.conf from the 30 May backup, reload, check that image-svc connects.',
        data: { permalink: 'https://acme.slack.com/archives/C07INC42/p1717180800123456' },
      },
      {
        id: 'e16',
        at: t('11:45:00'),
        kind: 'action_added',
        by: dana,
        body: 'Add a configuration diff check to the database upgrade runbook',
        data: { actionNumber: 1, person: marcus },
      },
      { id: 'e17', at: t('12:02:00'), kind: 'note', by: marcus, body: 'Configuration reverted; the image service reconnected.' },
      { id: 'e18', at: t('12:05:00'), kind: 'component_impact', by: dana, body: 'Image storage: degraded performance', data: { component: 'Image storage', impact: 'degraded_performance', previousImpact: 'major_outage' } },
      {
        id: 'e19',
        at: t('12:31:00'),
        kind: 'status_update',
        by: priya,
        body: 'A fix has been implemented and we are monitoring the results.',
        data: { status: 'monitoring', previousStatus: 'identified', public: true },
      },
      { id: 'e20', at: t('12:33:00'), kind: 'component_impact', by: dana, body: 'Image storage: operational', data: { component: 'Image storage', impact: null, previousImpact: 'degraded_performance' } },
      { id: 'e21', at: t('12:33:20'), kind: 'component_impact', by: dana, body: 'Storefront: operational', data: { component: 'Storefront', impact: null, previousImpact: 'partial_outage' } },
      { id: 'e22', at: t('12:40:00'), kind: 'action_added', by: marcus, body: 'Alert on image service database connection errors', data: { actionNumber: 2, person: priya } },
      {
        id: 'e23',
        at: t('13:02:00'),
        recorded: t('13:02:05'),
        kind: 'resolved',
        by: dana,
        body: 'This incident has been resolved. Product images load normally again; the image error rate has been at its baseline for 30 minutes.',
        data: { status: 'resolved', previousStatus: 'monitoring', public: true, components: {} },
      },
      { id: 'e25', at: t('13:10:00'), kind: 'action_done', by: marcus, body: 'Add a configuration diff check to the database upgrade runbook', data: { actionNumber: 1 } },
      { id: 'e26', at: t('13:15:00'), kind: 'action_added', by: dana, body: 'Write a rollback procedure for database upgrades', data: { actionNumber: 3 } },
    ]),
    actions: [
      action(id, 1, 'Add a configuration diff check to the database upgrade runbook', marcus, t('11:45:00'), t('13:10:00')),
      action(id, 2, 'Alert on image service database connection errors', priya, t('12:40:00')),
      action(id, 3, 'Write a rollback procedure for database upgrades', null, t('13:15:00')),
    ],
  };
}

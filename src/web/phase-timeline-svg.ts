/**
 * An incident's phases over time as coloured bands (investigating → identified → monitoring →
 * resolved), with status updates marked above the bands and key notes below, each at its time.
 * Geometry is in percent of the width, so the picture stretches to any screen while its text keeps
 * its size. Pure: facts in, inline SVG out.
 */
import { DateTime } from 'luxon';
import { STATUS_WORDS } from '../core/labels';
import { PageTime } from './page-time';
import { formatDuration } from '../core/time/format';
import type { IncidentStatus } from '../core/types';
import type { StatusChange } from '../db/public-repository';
import { html, type SafeHtml } from './html';

export interface PhaseMarker {
  at: Date;
  /** Status updates go above the bands, notes below. */
  kind: 'update' | 'note';
  label: string;
}

export interface PhaseTimelineInput {
  startedAt: Date;
  resolvedAt: Date | null;
  status: IncidentStatus;
  /** Status changes, oldest first (declared counts as investigating). */
  phases: readonly StatusChange[];
  markers: readonly PhaseMarker[];
  now: Date;
  zone: string;
}

type Band = { phase: IncidentStatus | 'undeclared'; from: number; to: number };

const WORDS: Record<Band['phase'], string> = { ...STATUS_WORDS, undeclared: 'Before it was declared' };
const STEPS_MINUTES = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

/** The bands: consecutive changes to the same status are one band; resolved runs to the chart's end. */
export function phaseBands(input: PhaseTimelineInput, end: number): Band[] {
  const start = input.startedAt.getTime();
  const bands: Band[] = [];
  const changes = input.phases.map((p) => ({ status: p.status, at: Math.max(start, p.at.getTime()) }));
  const first = changes[0]?.at ?? start;
  if (first > start) bands.push({ phase: 'undeclared', from: start, to: first });
  if (changes.length === 0) bands.push({ phase: input.status, from: start, to: end });
  changes.forEach((c, i) => {
    const to = i + 1 < changes.length ? changes[i + 1]!.at : end;
    const last = bands.at(-1);
    if (last && last.phase === c.status) last.to = to;
    else bands.push({ phase: c.status, from: c.at, to });
  });
  return bands.filter((b) => b.to > b.from || b.phase === 'resolved');
}

function pct(t: number, t0: number, span: number): string {
  return `${(1 + (98 * (t - t0)) / span).toFixed(3)}%`;
}

/** At most 6 evenly spaced, round local times (14:00, 14:30 … or midnights) between two instants. */
export function ticks(t0: number, t1: number, zone: string): { at: number; label: string }[] {
  const step = STEPS_MINUTES.find((s) => (t1 - t0) / 60_000 / s <= 6) ?? 10080;
  const local = DateTime.fromMillis(t0, { zone });
  const day = local.startOf('day');
  let dt =
    step >= 1440
      ? day.toMillis() === t0 ? day : day.plus({ days: 1 })
      : day.plus({ minutes: Math.ceil((local.hour * 60 + local.minute + (local.second || local.millisecond ? 1 : 0)) / step) * step });
  const out: { at: number; label: string }[] = [];
  while (dt.toMillis() <= t1 && out.length < 8) {
    out.push({ at: dt.toMillis(), label: dt.toFormat(step >= 1440 ? 'd LLL' : 'HH:mm') });
    dt = step >= 1440 ? dt.plus({ days: step / 1440 }) : dt.plus({ minutes: step });
  }
  return out;
}

export function phaseTimelineSvg(input: PhaseTimelineInput): SafeHtml {
  const fmt = new PageTime(input.zone);
  const t0 = input.startedAt.getTime();
  const last = input.status === 'resolved' && input.resolvedAt ? input.resolvedAt.getTime() : input.now.getTime();
  const pad = Math.max(60_000, (last - t0) * 0.05);
  const end = input.status === 'resolved' ? last + pad : last;
  const span = Math.max(60_000, end - t0);
  const bands = phaseBands(input, end);
  const x = (t: number) => pct(Math.min(end, Math.max(t0, t)), t0, span);
  const width = (from: number, to: number) => `${((98 * (to - from)) / span).toFixed(3)}%`;

  const rects = bands.map(
    (b) => html`<rect class="${b.phase}" x="${x(b.from)}" y="34" width="${width(b.from, b.to)}" height="22"><title>${WORDS[b.phase]}: ${fmt.dateTime(new Date(b.from))}${
      b.phase === 'resolved' ? '' : ` – ${fmt.time(new Date(b.to))} (${formatDuration(b.to - b.from)})`
    }</title></rect>`,
  );
  const markers = input.markers.map((m) => {
    const cx = x(m.at.getTime());
    const title = `${fmt.dateTime(m.at)} · ${m.label}`;
    return m.kind === 'update'
      ? html`<g class="mark update"><line x1="${cx}" x2="${cx}" y1="20" y2="34"/><circle cx="${cx}" cy="16" r="5"/><title>${title}</title></g>`
      : html`<g class="mark note"><line x1="${cx}" x2="${cx}" y1="56" y2="64"/><circle cx="${cx}" cy="68" r="3.5"/><title>${title}</title></g>`;
  });
  const axis = ticks(t0, end, input.zone).map(
    (t) => html`<line class="tick" x1="${x(t.at)}" x2="${x(t.at)}" y1="56" y2="60"/><text x="${x(t.at)}" y="90" text-anchor="middle">${t.label}</text>`,
  );
  const durations = new Map<Band['phase'], number>();
  for (const b of bands) if (b.phase !== 'resolved') durations.set(b.phase, (durations.get(b.phase) ?? 0) + (b.to - b.from));
  const key = [...durations].map(([phase, ms]) => html`<span class="k-${phase}">${WORDS[phase]}: ${formatDuration(ms)}</span>`);
  const resolved = input.status === 'resolved' && input.resolvedAt ? html`<span class="k-resolved">Resolved ${fmt.dateTime(input.resolvedAt)}</span>` : '';
  const summary = bands.map((b) => `${WORDS[b.phase]} from ${fmt.dateTime(new Date(b.from))}`).join('; ');
  return html`<figure class="phases" style="margin:0"><svg width="100%" height="96" role="img" aria-label="${`Phases: ${summary}`}"><line class="base" x1="1%" x2="99%" y1="45" y2="45"/>${rects}${markers}${axis}</svg>
<figcaption class="key">${key}${resolved}<span class="k-update">Status update</span>${
    input.markers.some((m) => m.kind === 'note') ? html`<span class="k-note">Note</span>` : ''
  }</figcaption></figure>`;
}

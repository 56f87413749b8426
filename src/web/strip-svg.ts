/**
 * A component's 90-day strip: one bar per day, green when no incident touched it, else the colour
 * of the worst impact that day. The bars are an inline SVG (each with a `<title>` naming the day and
 * its incidents); over them lies a row of focusable days whose details show on hover, focus or tap,
 * with CSS only.
 */
import { IMPACT_WORDS } from '../core/labels';
import { HISTORY_DAYS, type ComponentView, type DayState } from './component-days';
import { PHONE_DAYS } from './styles';
import { html, type SafeHtml } from './html';

const BAR = 4;
const GAP = 1.5;
const HEIGHT = 34;

function summary(day: DayState): string {
  if (!day.worst) return `${day.label}: no incidents`;
  return `${day.label}: ${IMPACT_WORDS[day.worst]} — ${day.incidents.map((i) => i.title).join('; ')}`;
}

function tip(day: DayState): SafeHtml {
  if (!day.worst) return html`<strong>${day.label}</strong>No incidents recorded.`;
  return html`<strong>${day.label}</strong>${capitalise(IMPACT_WORDS[day.worst])}<ul>${day.incidents.map(
    (i) => html`<li>${i.title}</li>`,
  )}</ul>`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "99.95 %", never rounded up to 100 when there was downtime. */
export function formatUptime(percent: number): string {
  if (percent >= 100) return '100 %';
  const fixed = Math.floor(percent * 100) / 100;
  return `${fixed.toFixed(2)} %`;
}

export function stripSvg(view: ComponentView): SafeHtml {
  const n = view.days.length;
  const width = n * (BAR + GAP);
  const bad = view.days.filter((d) => d.worst).length;
  const label = `${view.settings.name}, last ${n} days: ${bad === 0 ? 'no incidents' : `incidents on ${bad} day${bad === 1 ? '' : 's'}`}, ${formatUptime(view.uptime)} uptime`;
  const bars = view.days.map((d, i) => {
    const x = Number((i * (BAR + GAP)).toFixed(2));
    return d.worst
      ? html`<rect x="${x}" width="${BAR}" height="${HEIGHT}" rx="1" class="${d.worst}"><title>${summary(d)}</title></rect>`
      : html`<rect x="${x}" width="${BAR}" height="${HEIGHT}" rx="1"/>`;
  });
  const days = view.days.map(
    (d, i) => html`<li class="day" tabindex="0" style="--i:${i + 0.5}" data-day="${d.iso}"><div class="tip" role="tooltip">${tip(d)}</div></li>`,
  );
  // The stylesheet crops a 90-day strip to 30 days on phones; a strip of another length stays whole.
  const custom = n === HISTORY_DAYS ? '' : `--n:${n};--skip:0`;
  const open = custom ? html`<div class="strip custom" style="${custom}">` : html`<div class="strip">`;
  return html`${open}<div class="bars"><svg viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${label}">${bars}</svg></div><ol class="days">${days}</ol></div>
<div class="legend"><span><span class="wide">${n} days ago</span><span class="narrow">${Math.min(n, PHONE_DAYS)} days ago</span></span><span>${formatUptime(view.uptime)} uptime</span><span>Today</span></div>`;
}

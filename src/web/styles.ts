/** The one stylesheet of every page, inlined: no fonts, scripts or images from elsewhere. */
import { HISTORY_DAYS } from './component-days';

/** On a phone the strips show the last 30 days, so that a day is wide enough to tap. */
export const PHONE_DAYS = 30;
export const STYLES = `
:root{--bg:#f6f7f9;--card:#fff;--text:#1d2430;--muted:#5d6877;--line:#e3e7ec;--link:#2458b3;
--ok:#2e9e5b;--minor:#d9a400;--major:#e8710a;--critical:#d23f3f;--none:#cfd5dc;--info:#3d7bd9;--grey:#9aa4b1;
color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--card:#1c2027;--text:#e6e9ee;--muted:#9aa4b1;--line:#2c323b;--link:#8db4f5;--none:#3a414b}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
main{max-width:54rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header.top{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem;margin-bottom:1.25rem}
header.top h1{font-size:1.6rem;margin:0;letter-spacing:-.01em}
header.top nav{font-size:.875rem;color:var(--muted)}
h2{font-size:1.15rem;margin:2rem 0 .75rem}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.25rem}
.muted{color:var(--muted)}
.small{font-size:.875rem}
.overall{display:flex;align-items:center;gap:.75rem;padding:1rem 1.25rem;border-radius:.5rem;color:#fff;font-size:1.2rem;font-weight:600}
.overall small{display:block;font-size:.8rem;font-weight:400;opacity:.9}
.overall.none{background:var(--ok)}.overall.minor{background:var(--minor);color:#1d2430}.overall.major{background:var(--major)}.overall.critical{background:var(--critical)}
.dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;flex:none;background:currentColor}
.incident{border-left:4px solid var(--grey);margin:1rem 0}
.incident.minor{border-left-color:var(--minor)}.incident.major{border-left-color:var(--major)}.incident.critical{border-left-color:var(--critical)}
.incident h3{margin:0 0 .25rem;font-size:1.05rem}
.incident .affects{margin:.35rem 0 0}
.incident h3 a{color:inherit;text-decoration:none}.incident h3 a:hover{text-decoration:underline}
.updates{list-style:none;margin:.5rem 0 0;padding:0}
.updates li{padding:.5rem 0;border-top:1px solid var(--line)}
.updates li:first-child{border-top:0}

.updates time,.when{display:block;color:var(--muted);font-size:.8rem}
.components{padding:0}
.component{padding:.9rem 1.25rem;border-top:1px solid var(--line)}
.component:first-child{border-top:0}
.component .row{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.component .name{font-weight:600}
.component .desc{font-size:.8rem;color:var(--muted)}
.group-name{padding:.6rem 1.25rem;background:var(--bg);border-top:1px solid var(--line);font-weight:600;display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.group-name .desc{display:block;font-weight:400;font-size:.8rem;color:var(--muted)}
.components .group-name:first-child{border-top:0;border-radius:.5rem .5rem 0 0}
.state{font-size:.875rem;white-space:nowrap;font-weight:500}
.state.operational{color:var(--ok)}.state.degraded_performance{color:#a57c00}.state.partial_outage{color:var(--major)}.state.major_outage{color:var(--critical)}
.strip{position:relative;margin-top:.5rem;--n:${HISTORY_DAYS};--skip:0}
.strip .bars{overflow:hidden}
.strip svg{display:block;width:100%;height:2.1rem}
.strip rect{fill:var(--ok)}.strip rect.degraded_performance{fill:var(--minor)}.strip rect.partial_outage{fill:var(--major)}.strip rect.major_outage{fill:var(--critical)}
.strip .days{position:absolute;inset:0;display:grid;grid-template-columns:repeat(var(--n),1fr);margin:0;padding:0;list-style:none}
.strip .day{outline:none;border-radius:2px;cursor:default}
.strip .day:focus-visible{box-shadow:0 0 0 2px var(--link)}
.strip .tip{display:none;position:absolute;z-index:5;top:calc(100% + .4rem);left:clamp(0px,calc((var(--i) - var(--skip)) * 100% / var(--n) - 7.5rem),calc(100% - 15rem));width:15rem;max-width:100%;
background:var(--card);color:var(--text);border:1px solid var(--line);border-radius:.4rem;box-shadow:0 4px 14px rgba(0,0,0,.12);padding:.5rem .65rem;font-size:.8rem;line-height:1.35}
.strip .day:hover .tip,.strip .day:focus .tip{display:block}
.tip strong{display:block;margin-bottom:.15rem}
.tip ul{margin:.25rem 0 0;padding-left:1rem}
.narrow{display:none}
.legend{display:flex;justify-content:space-between;font-size:.75rem;color:var(--muted);margin-top:.3rem;gap:.5rem}
.day-group h3{font-size:.95rem;border-bottom:1px solid var(--line);padding-bottom:.35rem;margin-top:1.5rem}
.past{margin:.6rem 0}
.past a{font-weight:600;text-decoration:none}
.past a:hover{text-decoration:underline}
.past.minor a{color:#a57c00}.past.major a{color:var(--major)}.past.critical a{color:var(--critical)}.past.none a{color:var(--text)}
.past p{margin:.15rem 0;font-size:.9rem}
.badge{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;padding:.05rem .45rem;border-radius:.25rem;background:var(--line);color:var(--text);vertical-align:middle}
.badge.critical{background:var(--critical);color:#fff}.badge.major{background:var(--major);color:#fff}.badge.minor{background:var(--minor);color:#1d2430}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.timeline{list-style:none;padding:.25rem 1.25rem;margin:0}
.timeline li{display:grid;grid-template-columns:10.5rem 1fr;gap:.75rem;padding:.45rem 0;border-top:1px solid var(--line)}
.timeline li:first-child{border-top:0}
.timeline .t{color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums}
.timeline .retracted .what{text-decoration:line-through;color:var(--muted)}
.phases svg{display:block;width:100%;overflow:visible}
.phases rect.undeclared{fill:var(--grey)}.phases rect.investigating{fill:var(--critical)}.phases rect.identified{fill:var(--major)}.phases rect.monitoring{fill:var(--info)}.phases rect.resolved{fill:var(--ok)}
.phases .base{stroke:var(--line);stroke-width:2}.phases .tick{stroke:var(--muted)}.phases text{font-size:11px;fill:var(--muted)}
.phases .mark line{stroke:var(--muted)}.phases .mark.update circle{fill:var(--card);stroke:var(--text);stroke-width:2}.phases .mark.note circle{fill:var(--muted)}
.k-undeclared{--c:var(--grey)}.k-investigating{--c:var(--critical)}.k-identified{--c:var(--major)}.k-monitoring{--c:var(--info)}.k-resolved{--c:var(--ok)}.k-note{--c:var(--muted)}
.phases .key span.k-update::before{background:var(--card);border:2px solid var(--text);border-radius:50%}
.phases .key{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--muted);margin-top:.5rem}
.phases .key span::before{content:"";display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px;background:var(--c)}
.doc table{border-collapse:collapse;width:100%;font-size:.9rem;display:block;overflow-x:auto}
.doc th,.doc td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
.doc blockquote{margin:.75rem 0;padding:.25rem 1rem;border-left:3px solid var(--line);color:var(--muted)}
.doc blockquote.gap{border-left-color:var(--minor);background:color-mix(in srgb,var(--minor) 10%,transparent)}
.doc h1{font-size:1.5rem;margin:0 0 .5rem}
.doc code{font-size:.85em;background:var(--bg);padding:.05rem .25rem;border-radius:.2rem}
footer{margin-top:2.5rem;font-size:.8rem;color:var(--muted);text-align:center}
footer a{color:inherit}
@media (max-width:40rem){main{padding:1rem .75rem 2rem}.strip:not(.custom){--n:${PHONE_DAYS};--skip:${HISTORY_DAYS - PHONE_DAYS}}.strip:not(.custom) svg{width:${(100 * HISTORY_DAYS) / PHONE_DAYS}%;margin-left:-${(100 * (HISTORY_DAYS - PHONE_DAYS)) / PHONE_DAYS}%}
.strip:not(.custom) .day:nth-child(-n+${HISTORY_DAYS - PHONE_DAYS}){display:none}.wide{display:none}.narrow{display:inline}.card.components{padding:0}header.top h1{font-size:1.3rem}.overall{font-size:1.05rem}
.component,.group-name{padding-left:.9rem;padding-right:.9rem}.card{padding:.9rem}
.timeline li{grid-template-columns:1fr;gap:0}}
`
  .replace(/\n/g, '')
  .trim();

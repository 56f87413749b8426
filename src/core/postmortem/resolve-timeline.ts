/**
 * The timeline as a postmortem shows it: sorted, with retractions and corrections applied.
 *
 * Nothing on a timeline is rewritten in place. An entry that `supersedes` an earlier one either
 * retracts it (kind `retraction`) or corrects it (any other kind). "Earlier" means recorded
 * earlier: the superseded entry must have been recorded before the superseding one.
 * - A retracted entry stays where it was, marked retracted; the retraction is not listed.
 *   A retraction that is itself retracted has no effect.
 * - A corrected entry stays where it was (its time, its author) but shows the latest
 *   correction's kind, text and facts, marked corrected; the correction is not listed.
 *   A retracted correction has no effect.
 * An entry that supersedes nothing known (or something recorded later) is listed as it is.
 */
import type { EntryData, EntryKind, TimelineEntry } from '../types';

export interface EntryView {
  /** The entry as first recorded: its position, time and author. */
  entry: TimelineEntry;
  /** What it says now, after corrections. */
  kind: EntryKind;
  body: string;
  data: EntryData;
  retracted: boolean;
  corrected: boolean;
}

interface Keyed {
  entry: TimelineEntry;
  occurred: number;
  recorded: number;
  /** Position in timeline order. */
  index: number;
}

const DIGITS = /^\d+$/;

/**
 * Ids in their natural order: numeric ids (database sequences, no leading zeros) by value, before any other ids,
 * which go by code unit. A total order, so the result never depends on the input order.
 */
export function compareIds(a: string, b: string): number {
  const numericA = DIGITS.test(a);
  const numericB = DIGITS.test(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  if (numericA && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byOccurrence(a: Keyed, b: Keyed): number {
  return a.occurred - b.occurred || a.recorded - b.recorded || compareIds(a.entry.id, b.entry.id);
}

function byRecording(a: Keyed, b: Keyed): number {
  return a.recorded - b.recorded || a.index - b.index;
}

/** Entries in timeline order: occurredAt, then recordedAt, then id. Does not modify its input. */
export function sortTimeline(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return keyedInOrder(timeline).map((k) => k.entry);
}

function keyedInOrder(timeline: readonly TimelineEntry[]): Keyed[] {
  const keyed = timeline.map((entry) => ({
    entry,
    occurred: entry.occurredAt.getTime(),
    recorded: entry.recordedAt.getTime(),
    index: 0,
  }));
  keyed.sort(byOccurrence);
  keyed.forEach((k, i) => (k.index = i));
  return keyed;
}

export function resolveTimeline(timeline: readonly TimelineEntry[]): EntryView[] {
  const ordered = keyedInOrder(timeline);
  const byId = new Map<string, Keyed>();
  for (const k of ordered) if (!byId.has(k.entry.id)) byId.set(k.entry.id, k);

  // Entries that supersede something recorded before them, in the order they were recorded.
  const superseding: { by: Keyed; target: Keyed }[] = [];
  for (const k of ordered) {
    const target = k.entry.supersedes === null ? undefined : byId.get(k.entry.supersedes);
    if (target && target !== k && byRecording(target, k) < 0) superseding.push({ by: k, target });
  }
  superseding.sort((a, b) => byRecording(a.by, b.by));

  const hidden = new Set<Keyed>(superseding.map((s) => s.by));
  // Latest retractions first, so a retracted retraction is known before it would act.
  const retracted = new Set<Keyed>();
  for (let i = superseding.length - 1; i >= 0; i--) {
    const s = superseding[i]!;
    if (s.by.entry.kind === 'retraction' && !retracted.has(s.by)) retracted.add(s.target);
  }
  const latestCorrection = new Map<Keyed, Keyed>();
  for (const s of superseding) {
    if (s.by.entry.kind !== 'retraction' && !retracted.has(s.by)) latestCorrection.set(s.target, s.by);
  }

  const views: EntryView[] = [];
  for (const k of ordered) {
    if (hidden.has(k)) continue;
    let current = k;
    let data = k.entry.data;
    for (let next = latestCorrection.get(current); next; next = latestCorrection.get(current)) {
      current = next;
      data = { ...data, ...next.entry.data };
    }
    views.push({
      entry: k.entry,
      kind: current.entry.kind,
      body: current.entry.body,
      data,
      retracted: retracted.has(k),
      corrected: current !== k,
    });
  }
  return views;
}

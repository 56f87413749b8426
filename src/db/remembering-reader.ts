import type { IncidentReader } from '../app/ports';
import type { Incident } from '../core/types';

export interface RememberingReader extends IncidentReader {
  /** Drops what is remembered of an incident (it changed); the next lookup reads it again. */
  forget(incidentId: string): void;
}

/**
 * Remembers the incidents `reader` found, by conversation and by number, the most recently used
 * first, so a burst of notes in one channel reads its incident once. Lookups that lock, and
 * lookups that find nothing, always go to the reader.
 */
export function rememberingReader(reader: IncidentReader, capacity = 1_000): RememberingReader {
  const known = new Map<string, Incident>();

  function recall(key: string): Incident | undefined {
    const incident = known.get(key);
    if (incident) {
      known.delete(key);
      known.set(key, incident);
    }
    return incident;
  }

  function remember(key: string, incident: Incident | null): Incident | null {
    if (!incident) return null;
    known.set(key, incident);
    if (known.size > capacity) known.delete(known.keys().next().value!);
    return incident;
  }

  return {
    async incidentByConversation(platform, externalId, lock) {
      const key = `conversation ${platform} ${externalId}`;
      if (lock) return reader.incidentByConversation(platform, externalId, lock);
      return recall(key) ?? remember(key, await reader.incidentByConversation(platform, externalId, false));
    },
    async incidentByNumber(workspace, number, lock) {
      const key = `number ${workspace} ${number}`;
      if (lock) return reader.incidentByNumber(workspace, number, lock);
      return recall(key) ?? remember(key, await reader.incidentByNumber(workspace, number, false));
    },
    latestOccurredAt: (incidentId) => reader.latestOccurredAt(incidentId),
    forget(incidentId) {
      for (const [key, incident] of known) if (incident.id === incidentId) known.delete(key);
    },
  };
}

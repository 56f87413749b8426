import type { Store } from '../app/ports';
import { factAppender } from './append-facts';
import type { Database } from './client';
import { incidentReader } from './incident-reader';
import { incidentRepository } from './incident-repository';
import { rememberingReader } from './remembering-reader';

/** Use cases' transactions over drizzle, on PostgreSQL or PGlite alike. */
export function drizzleStore(database: Database): Store {
  const reader = incidentReader(database.db);
  const recent = rememberingReader(reader);
  const append = factAppender(database);
  return {
    transaction: (fn) => database.db.transaction((tx) => fn(incidentRepository(tx))),
    reader,
    recent,
    async appendFacts(facts) {
      const outcome = await append(facts);
      if (outcome === 'stale') recent.forget(facts.incidentId);
      return outcome;
    },
  };
}

import type { Store } from '../app/ports';
import { factAppender } from './append-facts';
import type { Database } from './client';
import { incidentReader } from './incident-reader';
import { incidentRepository } from './incident-repository';

/** Use cases' transactions over drizzle, on PostgreSQL or PGlite alike. */
export function drizzleStore(database: Database): Store {
  return {
    transaction: (fn) => database.db.transaction((tx) => fn(incidentRepository(tx))),
    reader: incidentReader(database.db),
    appendFacts: factAppender(database),
  };
}

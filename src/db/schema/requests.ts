import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns';

/** Idempotency keys of handled requests (Slack event ids, Teams activity ids, modal submissions). */
export const processedRequests = pgTable(
  'processed_requests',
  {
    key: text('key').primaryKey(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('processed_requests_created_at_idx').on(t.createdAt)],
);

export type ProcessedRequestRow = typeof processedRequests.$inferSelect;
export type NewProcessedRequestRow = typeof processedRequests.$inferInsert;

import { relations } from 'drizzle-orm';
import { actionItems } from './actions';
import { conversations } from './conversations';
import { incidents } from './incidents';
import { deliveries, postedMessages } from './outbox';
import { timelineEntries } from './timeline';

export const incidentsRelations = relations(incidents, ({ many }) => ({
  timeline: many(timelineEntries),
  actions: many(actionItems),
  conversations: many(conversations),
}));

export const timelineEntriesRelations = relations(timelineEntries, ({ one }) => ({
  incident: one(incidents, { fields: [timelineEntries.incidentId], references: [incidents.id] }),
}));

export const actionItemsRelations = relations(actionItems, ({ one }) => ({
  incident: one(incidents, { fields: [actionItems.incidentId], references: [incidents.id] }),
}));

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  incident: one(incidents, { fields: [conversations.incidentId], references: [incidents.id] }),
  deliveries: many(deliveries),
  postedMessages: many(postedMessages),
}));

export const deliveriesRelations = relations(deliveries, ({ one }) => ({
  conversation: one(conversations, {
    fields: [deliveries.conversationId],
    references: [conversations.id],
  }),
}));

export const postedMessagesRelations = relations(postedMessages, ({ one }) => ({
  conversation: one(conversations, {
    fields: [postedMessages.conversationId],
    references: [conversations.id],
  }),
}));

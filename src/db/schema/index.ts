export * from './incidents';
export * from './timeline';
export * from './actions';
export * from './conversations';
export * from './outbox';
export * from './requests';
export * from './reminders';
export * from './relations';

// The whole schema, for drizzle-kit and the typed client.
export * from './enums.js';
export * from './hospitals.js';
export * from './users.js';
export * from './profiles.js';
export * from './sessions.js';
export * from './login-throttles.js';
export * from './audit.js';
export * from './appointments.js';
export * from './availability.js';
export * from './chat.js';
export * from './notifications.js';
export * from './payments.js';
export * from './account-tokens.js';
export * from './two-factor.js';
export * from './mail.js';

export * from './errors';
export * from './permissions';
export * from './domain/period';
export * from './domain/region';
export * from './domain/text';
export * as harmony from './domain/harmony';
export * as evaluation from './domain/evaluation';
export * as grants from './domain/grants';
export * from './domain/audit/security-events';

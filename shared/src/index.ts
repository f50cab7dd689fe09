export * from './errors';
export * from './permissions';
export * from './domain/period';
export * from './domain/region';

export * from './vocabulary';
export * from './rules';
export * from './module-permissions';

export * from './error-codes';
export * from './problems';

export * from './schema.ts';
export * from './vocabulary.ts';

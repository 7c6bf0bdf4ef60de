export * from './issue.ts';
export * from './json-path.ts';
export * from './json-text.ts';
export * from './validate.ts';
export * from './validate-text.ts';

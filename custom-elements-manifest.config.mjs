/** Settings of `npm run manifest`, which writes custom-elements.json from the components' JSDoc. */
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/define.ts'],
  litelement: true,
  // package.json already points at the manifest; the analyzer must not rewrite it.
  packagejson: false,
};

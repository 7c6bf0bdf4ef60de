/** Settings of `npm run manifest`, which writes custom-elements.json from the components' JSDoc. */

/**
 * The analyzer takes every entry of `static properties` for an attribute, internal state
 * (`state: true`, which Lit never reflects nor reads from an attribute) included. Those are the
 * private members: their attributes are taken out of the manifest, which tools read as the
 * element's public contract.
 */
const noAttributesForState = {
  name: 'no-attributes-for-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const state = new Set(
          (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
        );
        for (const member of declaration.members ?? []) if (state.has(member.name)) delete member.attribute;
        if (declaration.attributes !== undefined)
          declaration.attributes = declaration.attributes.filter((attribute) => !state.has(attribute.fieldName));
      }
    }
  },
};

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/define.ts'],
  litelement: true,
  // package.json already points at the manifest; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [noAttributesForState],
};

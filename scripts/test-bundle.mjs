// What every test bundle shares (npm test, the e2e run, the VS Code desktop suite): the sources bundled,
// dependencies left in node_modules so a run starts fast, the catalog's YAML embedded as text.
export const testBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
};

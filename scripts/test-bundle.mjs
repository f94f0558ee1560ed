// What every test bundle shares (npm test, the e2e run, the VS Code desktop suite): the sources bundled,
// dependencies left in node_modules so a run starts fast, the catalog's YAML embedded as data (yaml-data.mjs).
import { yamlData } from './yaml-data.mjs';

export const testBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [yamlData],
};

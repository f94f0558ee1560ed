// The principle catalog (schemas/principles.yaml) is data: every bundle embeds it already parsed, as a JSON
// module, so neither the server nor `rac` runs the YAML parser over the catalog when it starts (a fifth of a
// cold start went there). A catalog that does not parse fails the build, naming the file and the line.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';

/** esbuild plugin: `import data from './x.yaml'` gives the YAML's data (the JSON loader embeds it). */
export const yamlData = {
  name: 'yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async ({ path }) => {
      const doc = parseDocument(await readFile(path, 'utf8'), { prettyErrors: true });
      if (doc.errors.length) return { errors: doc.errors.map((e) => ({ text: e.message, location: { file: path, line: e.linePos?.[0].line ?? 0 } })) };
      return { contents: JSON.stringify(doc.toJS()), loader: 'json' };
    });
  },
};

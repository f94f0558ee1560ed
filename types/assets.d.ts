// esbuild embeds these files already parsed, as their data (scripts/yaml-data.mjs); the importer states the shape.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}

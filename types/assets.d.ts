// esbuild's text loader turns these files into strings at build time (see esbuild.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// The mocha "tdd" interface that @vscode/test-cli runs the suite with. Mocha puts these functions on the
// global object before it loads each test file; they are typed here rather than with @types/mocha, and read
// from the global object rather than declared global, so the node:test files keep their own `test`.
type Body = () => void | Promise<void>;

interface MochaTdd {
  suite(title: string, body: () => void): void;
  suiteSetup(body: Body): void;
  suiteTeardown(body: Body): void;
  test(title: string, body: Body): void;
}

export const { suite, suiteSetup, suiteTeardown, test } = globalThis as unknown as MochaTdd;

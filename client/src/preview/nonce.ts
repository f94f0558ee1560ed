// A fresh nonce for each render of a webview: cryptographic randomness, never Math.random. Web Crypto, so the
// same code runs in the desktop extension host (Node) and in the browser's (github.dev, vscode.dev).
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

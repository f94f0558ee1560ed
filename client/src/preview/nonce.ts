// A fresh nonce for each render of a webview: cryptographic randomness, never Math.random.
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

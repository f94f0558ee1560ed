// The tool's name, version and home, from package.json (bundled at build time).
import pkg from '../../../package.json';

export const TOOL_NAME = 'rac';
export const VERSION: string = pkg.version;
/** Where users read about the tool and its rules; package.json's homepage when it has one. */
export const HOMEPAGE: string = (pkg as { homepage?: string }).homepage ?? 'https://github.com/relationship-as-code/relationship-as-code';

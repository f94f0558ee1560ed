// Imported first by tests of the preview's VS Code code: from here on, `require('vscode')` gets the fake.
import { installFakeVscode } from './fake-vscode';

installFakeVscode();

// Where the preview's ReportModels come from: the language server's `relationship/preview` request. The
// client never parses a relationship file itself. A file the server does not know yet (closed, or the
// server still starting) is opened as a text document, which syncs it to the server without showing it.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PreviewRequest } from '../../../server/src/protocol';
import type { ReportModel } from '../../../server/src/report/model';

const RETRY_MS = [150, 400, 1000];

export class ModelSource {
  constructor(private readonly client: LanguageClient) {}

  async model(uri: vscode.Uri): Promise<ReportModel | null> {
    for (let attempt = 0; ; attempt++) {
      const model = await this.client.sendRequest(PreviewRequest, { uri: uri.toString() });
      if (model) return model;
      if (attempt >= RETRY_MS.length) return null;
      if (attempt === 0 && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
        await vscode.workspace.openTextDocument(uri);
      } else {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS[attempt]));
      }
    }
  }

  /** Several files, a few at a time so a large workspace does not flood the server. */
  async models(uris: vscode.Uri[], token?: vscode.CancellationToken): Promise<ReportModel[]> {
    const out: (ReportModel | null)[] = new Array(uris.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < uris.length && !token?.isCancellationRequested) {
        const i = next++;
        out[i] = await this.model(uris[i]).catch(() => null);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return out.filter((m): m is ReportModel => m !== null);
  }
}

export function isRelationshipDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'relationship-yaml' || /\.relationship\.ya?ml$/i.test(document.uri.path);
}

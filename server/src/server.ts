// Wiring only: each LSP method gets the document, returns early when it is missing, and delegates to a
// feature module. State lives here: open documents, settings, the analysis cache, pending diagnostics.
import {
  CodeActionKind, DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWorkspace, EMPTY_CHECK } from './check-workspace';
import { AnalysisCache, type Resolved, type VersionedText } from './cache';
import { countSeverities, MAX_FILE_BYTES, scaffold, STAGES, tooLargeAnalysis, type Analysis } from './core/index';
import { codeActions } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { toDiagnostic, toDiagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentLinks } from './features/links';
import { references } from './features/references';
import { profileCompletions, profileHover } from './features/profile-features';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import { localToday } from './node/today';
import { checkParams, validated } from './params';
import { ProfileService } from './profile-service';
import { CheckWorkspaceRequest, CoverageNotification, PreviewRequest, ScaffoldRequest, type CoverageParams, type ScaffoldParams } from './protocol';
import { buildReportModel, type ReportModel } from './report/index';
import { resolveAsOf, SettingsStore, type Settings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

/**
 * How long a pause in typing must last before an analysis starts: as long as the document's last analysis took,
 * within these bounds. A small file answers almost at once; a big one is not analysed more often than analysis
 * takes, which would keep the server busy while the user types.
 */
export const DEBOUNCE_MIN_MS = 60;
export const DEBOUNCE_MAX_MS = 200;

/** Starts the server on a connection; `files` is how it reaches the files around a document (Node or browser). */
export function startServer(connection: Connection, files: WorkspaceFiles): void {
  const documents = new TextDocuments(TextDocument);
  let settings = new SettingsStore(connection, false);
  let folders: string[] = [];
  let capabilities: InitializeParams['capabilities'] = {};
  const warnedAsOf = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const profiles = new ProfileService(files, () => folders, (uri) => documents.get(uri)?.getText());

  const log = (message: string): void => connection.console.log(message);

  /**
   * Never crash, never leave a request unanswered: params that do not fit are refused with InvalidParams
   * (params.ts), a failure is logged and answered with an empty result. A ResponseError is a handler's
   * deliberate answer (the editor shows its message) and goes to the client as is.
   */
  function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        checkParams(name, params);
        if (token?.isCancellationRequested) return empty;
        const result = await handler(params, token);
        return token?.isCancellationRequested ? empty : result;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return empty;
      }
    };
  }

  const asOfFor = (s: Settings): string => {
    const { asOf, invalid } = resolveAsOf(s.asOf, localToday());
    if (invalid !== undefined && !warnedAsOf.has(invalid)) {
      warnedAsOf.add(invalid);
      const message = `relationship.asOf is "${invalid}", not a YYYY-MM-DD date: analysing as of today (${asOf}) instead.`;
      connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
    }
    return asOf;
  };

  async function resolve(uri: string): Promise<Resolved> {
    const s = await settings.get(uri);
    const asOf = asOfFor(s);
    // Untitled documents have no folder to resolve paths against; files outside a workspace are not checked.
    const root = files.rootOf(uri);
    const { policy, key } = await profiles.policyFor(uri);
    return { options: { asOf, policy, fileExists: files.linkCheck(uri), workspaceRoot: root }, key: `${asOf}|${root ?? ''}|${files.stamp}|${key}` };
  }

  const lastMs = new Map<string, number>();
  const analyses = new AnalysisCache(resolve, (uri, version, _analysis, ms) => {
    lastMs.set(uri, ms);
    settings.get(uri).then((s) => s.trace.server === 'verbose' && log(`analysed ${uri} (version ${version}) in ${ms.toFixed(1)} ms`)).catch(() => undefined);
  });

  function coverageParams(uri: string, version: number, analysis: Analysis): CoverageParams {
    const schemaVersion = (analysis.data as Record<string, unknown> | undefined)?.schema_version;
    const counts = countSeverities(analysis.findings);
    return {
      uri,
      version,
      covered: analysis.coverage.covered,
      required: analysis.coverage.required,
      total: analysis.coverage.total,
      stage: analysis.coverage.stage,
      schemaVersion: typeof schemaVersion === 'string' || typeof schemaVersion === 'number' ? String(schemaVersion) : '',
      errors: counts.errors,
      warnings: counts.warnings,
    };
  }

  /** Analyses a version and pushes its diagnostics and coverage, unless a newer version superseded it. */
  async function publish(uri: string, version: number): Promise<void> {
    try {
      const document = documents.get(uri);
      if (!document || document.version !== version) return;
      const s = await settings.get(uri);
      if (profiles.isProfile(uri)) {
        const findings = s.validate.enable ? await profiles.check(uri) : [];
        if (documents.get(uri)?.version === version) await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
        return;
      }
      const analysis = await analysed(document);
      if (documents.get(uri)?.version !== version) return;
      const diagnostics = s.validate.enable ? toDiagnostics(analysis, uri, s.diagnostics.maxNumberOfProblems) : [];
      await connection.sendDiagnostics({ uri, version, diagnostics });
      await connection.sendNotification(CoverageNotification, coverageParams(uri, version, analysis));
    } catch (e) {
      connection.console.error(`analysis of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    const { uri, version } = document;
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void publish(uri, version);
    }, delay));
  }

  /**
   * The analysis of this version with every evidence-link answer in: where those come asynchronously (the
   * browser asks the editor), a first analysis with provisional answers is made again once they have arrived.
   */
  async function analysed(document: VersionedText): Promise<Analysis> {
    let analysis = await analyses.get(document);
    // Bounded: answers dropped (files changed) while others were awaited may need one more round, never more.
    for (let round = 0; round < 3 && (await files.settle(document.uri)); round++) analysis = await analyses.get(document);
    return analysis;
  }

  /** The analysis of the document's current version, or undefined when the document is not open. */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    const document = documents.get(uri);
    // A profile is not a relationship file: only its own completion, hover and diagnostics apply.
    if (!document || profiles.isProfile(uri)) return undefined;
    return { document, analysis: await analysed(document) };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = (capabilities = params.capabilities);
    settings = new SettingsStore(connection, !!caps.workspace?.configuration);
    folders = folderUris(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    files.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', ':', '-', '[', '{', ','], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Relationship' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'relationship-as-code' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'relationship' }).catch(() => undefined);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(folderUris(e.removed));
        folders = [...folders.filter((f) => !removed.has(f)), ...folderUris(e.added)];
        files.setFolders(folders);
        analyses.clear();
        for (const d of documents.all()) schedule(d, 0);
      });
    }
  });

  // Files changed under the editor's feet (the browser's cached link answers were dropped): analyse again.
  files.onDidChange(() => {
    analyses.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  // Saving, creating or deleting a profile changes the policy of every relationship file: analyse them again.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    files.filesChanged?.(changes);
    if (!profiles.changed(changes.map((c) => c.uri))) return;
    analyses.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    analyses.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  // A first analysis starts at once; later ones wait for a pause in typing.
  documents.onDidChangeContent(({ document }) => {
    const took = lastMs.get(document.uri);
    schedule(document, analyses.latest(document.uri) ? Math.min(DEBOUNCE_MAX_MS, Math.max(DEBOUNCE_MIN_MS, took ?? DEBOUNCE_MAX_MS)) : 0);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    analyses.evict(document.uri);
    lastMs.delete(document.uri);
    settings.forget(document.uri);
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(() => undefined);
  });

  connection.onCompletion(guard('completion', [], async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    if (profiles.isProfile(document.uri)) return profileCompletions(document.getText(), document.offsetAt(position), (o) => document.positionAt(o));
    const asOf = asOfFor(await settings.get(document.uri));
    const model = (analyses.lastGood(document.uri) ?? (await analyses.get(document))).model;
    const sharedRange = !!capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    return completions({ text: document.getText(), offset: document.offsetAt(position), positionAt: (o) => document.positionAt(o), model, asOf, today: localToday(), sharedRange });
  }));

  connection.onHover(guard('hover', null, async ({ textDocument, position }) => {
    const profile = profiles.isProfile(textDocument.uri) ? documents.get(textDocument.uri) : undefined;
    if (profile) return profileHover(profile.getText(), profile.offsetAt(position), (o) => profile.positionAt(o));
    const found = await analysisOf(textDocument.uri);
    return found ? hover(found.analysis, position) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async ({ textDocument }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? documentSymbols(found.analysis) : [];
  }));

  connection.onFoldingRanges(guard('foldingRange', [], async ({ textDocument }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? foldingRanges(found.analysis) : [];
  }));

  connection.onDefinition(guard('definition', [], async ({ textDocument, position }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? definition(found.analysis, textDocument.uri, position) : [];
  }));

  connection.onReferences(guard('references', [], async ({ textDocument, position, context }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? references(found.analysis, textDocument.uri, position, context.includeDeclaration) : [];
  }));

  connection.onPrepareRename(guard('prepareRename', null, async ({ textDocument, position }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? prepareRename(found.analysis, position) : null;
  }));

  connection.onRenameRequest(guard('rename', null, async ({ textDocument, position, newName }) => {
    const found = await analysisOf(textDocument.uri);
    const result = found && rename(found.analysis, textDocument.uri, position, newName);
    if (result && 'refused' in result) throw new ResponseError(result.badName ? ErrorCodes.InvalidParams : LSPErrorCodes.RequestFailed, result.refused);
    return result ? result.edit : null;
  }));

  connection.onCodeAction(guard('codeAction', [], async ({ textDocument, range, context }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? codeActions(found.analysis, textDocument.uri, range, context.diagnostics) : [];
  }));

  connection.onDocumentLinks(guard('documentLink', [], async ({ textDocument }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? documentLinks(found.analysis, textDocument.uri) : [];
  }));

  connection.onCodeLens(guard('codeLens', [], async ({ textDocument }) => {
    const found = await analysisOf(textDocument.uri);
    return found ? codeLenses(found.analysis, textDocument.uri) : [];
  }));

  connection.onRequest(PreviewRequest, guard('preview', null, async ({ uri }): Promise<ReportModel | null> => {
    const found = await analysisOf(uri);
    if (!found) return null;
    return buildReportModel(found.analysis, { uri, path: files.displayName(uri), version: found.document.version });
  }));

  // Not guarded: a failure must reach the command as an error, not as an empty file.
  connection.onRequest(ScaffoldRequest, validated('scaffold', async ({ stage }: ScaffoldParams) => {
    if (!STAGES.includes(stage)) throw new ResponseError(ErrorCodes.InvalidParams, `"${String(stage)}" is not a lifecycle stage; use one of ${STAGES.join(', ')}`);
    return { text: scaffold(stage, { asOf: asOfFor(await settings.get()) }) };
  }));

  /** A file under a workspace folder: an open one is analysed as open; a closed one is read and its diagnostics pushed. */
  async function checkFile(uri: string): Promise<Analysis | undefined> {
    const open = documents.all().find((d) => files.identity(d.uri) === files.identity(uri));
    if (open) return analysed(open);
    // A file over the limit is not read: its one finding comes from its size, as in the CLI.
    const size = await files.sizeOf(uri);
    let analysis: Analysis;
    if (size !== undefined && size > MAX_FILE_BYTES) analysis = tooLargeAnalysis(size, (await resolve(uri)).options);
    else {
      const text = await files.readText(uri);
      if (text === undefined) return undefined;
      analysis = await analysed(closedFile(uri, text));
    }
    analyses.evict(uri);
    const s = await settings.get(uri);
    // Without a version: the diagnostics of a file that is not open.
    await connection.sendDiagnostics({ uri, diagnostics: s.validate.enable ? toDiagnostics(analysis, uri, s.diagnostics.maxNumberOfProblems) : [] });
    return analysis;
  }

  connection.onRequest(CheckWorkspaceRequest, guard('checkWorkspace', EMPTY_CHECK, (_params, token) => checkWorkspace(connection, files, token, checkFile)));

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}

function folderUris(list: readonly WorkspaceFolder[]): string[] {
  return list.map((f) => f.uri);
}

function closedFile(uri: string, text: string): VersionedText {
  return { uri, version: 0, getText: () => text };
}

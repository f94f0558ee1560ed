// Wiring only: each LSP method gets the document, returns early when it is missing, and delegates to a
// feature module. State lives here: open documents, settings, the analysis cache, pending diagnostics.
// Analyses run off the request path (scheduler.ts); requests answer from the last finished one (cache.ts),
// through the edits made since (edit-log.ts).
import {
  CodeActionKind, DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWorkspace, EMPTY_CHECK } from './check-workspace';
import { AnalysisCache, type Resolved, type VersionedText } from './cache';
import { countSeverities, LineIndex, MAX_FILE_BYTES, migrate, scaffold, STAGES, stageName, tooLargeAnalysis, type Analysis } from './core/index';
import { EditLog, type PositionMap } from './edit-log';
import { diagnosticsBack, mapCodeActions, mapFolding, mapHover, mapLocations, mapRanged, mapSymbols } from './mapped-answers';
import { nextTurn, Scheduler, timesNextAnalysis } from './scheduler';
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
import { CheckWorkspaceRequest, CoverageNotification, MigrateRequest, PreviewRequest, ScaffoldRequest, type CoverageParams, type MigrateResult, type ScaffoldParams } from './protocol';
import { buildReportModel, type ReportModel } from './report/index';
import { resolveAsOf, SettingsStore, type Settings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

export interface ServerEvents {
  /** The first diagnostics of a relationship file went out: the code a start needs has run (node/code-cache.ts). */
  firstPublished?: () => void;
  /**
   * An analysis of a text this long is about to run, the document's first when `opening` (node/startup-compiler.ts,
   * node/heap-tuning.ts); what it returns is called once the analysis has ended, finished or not.
   */
  analysing?: (length: number, opening: boolean) => (() => void) | undefined;
}

/** Starts the server on a connection; `files` is how it reaches the files around a document (Node or browser). */
export function startServer(connection: Connection, files: WorkspaceFiles, events: ServerEvents = {}): void {
  const edits = new EditLog();
  const completionLines = new Map<string, LineIndex>();
  const documents = new TextDocuments<TextDocument>(edits.documents());
  let settings = new SettingsStore(connection, false);
  let folders: string[] = [];
  let capabilities: InitializeParams['capabilities'] = {};
  const warnedAsOf = new Set<string>();
  let firstPublished = events.firstPublished;
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
    // Neither waits for the other: the profile is read while the editor answers the settings request.
    const [s, { policy, key }] = await Promise.all([settings.get(uri), profiles.policyFor(uri)]);
    const asOf = asOfFor(s);
    // Untitled documents have no folder to resolve paths against; files outside a workspace are not checked.
    const root = files.rootOf(uri);
    return { options: { asOf, policy, fileExists: files.linkCheck(uri), workspaceRoot: root }, key: `${asOf}|${root ?? ''}|${files.stamp}|${key}` };
  }

  const analyses = new AnalysisCache(resolve, {
    analysing: (text, opening) => events.analysing?.(text.length, opening),
    analysed(uri, version, analysis, ms) {
      if (timesNextAnalysis(analysis.source?.parsed)) scheduler.analysed(uri, ms);
      settings.get(uri).then((s) => s.trace.server === 'verbose' && log(`analysed ${uri} (version ${version}) in ${ms.toFixed(1)} ms`)).catch(() => undefined);
    },
  });

  function coverageParams(uri: string, version: number, analysis: Analysis): CoverageParams {
    const schemaVersion = (analysis.data as Record<string, unknown> | undefined)?.schema_version;
    const counts = countSeverities(analysis.findings);
    return {
      uri,
      version,
      covered: analysis.coverage.covered,
      waived: analysis.coverage.waived,
      required: analysis.coverage.required,
      total: analysis.coverage.total,
      stage: stageName(analysis.coverage),
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
      if (profiles.isProfile(uri)) {
        const s = await settings.get(uri);
        const findings = s.validate.enable ? await profiles.check(uri) : [];
        if (documents.get(uri)?.version === version) await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
        return;
      }
      const analysis = await analysed(document, () => documents.get(uri)?.version === version);
      if (!analysis) return;
      // Asked by resolve() together with the profile, before the analysis: answered by now.
      const s = await settings.get(uri);
      // Requests now answer from this analysis or a later one: older edits need no mapping any more.
      edits.forgetUpTo(uri, analyses.latest(uri)?.version ?? version);
      if (documents.get(uri)?.version !== version) return;
      const diagnostics = s.validate.enable ? toDiagnostics(analysis, uri, s.diagnostics.maxNumberOfProblems) : [];
      await connection.sendDiagnostics({ uri, version, diagnostics });
      await connection.sendNotification(CoverageNotification, coverageParams(uri, version, analysis));
      firstPublished?.();
      firstPublished = undefined;
    } catch (e) {
      connection.console.error(`analysis of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  const scheduler = new Scheduler(publish);

  /**
   * The last finished analysis of an open document and the mapping of its positions to the current text: what
   * requests answer from, without waiting for an analysis. Only a document never analysed yet waits for its first.
   */
  async function answerFrom(uri: string): Promise<{ document: TextDocument; analysis: Analysis; map: PositionMap } | undefined> {
    const document = documents.get(uri);
    // A profile is not a relationship file: only its own completion, hover and diagnostics apply.
    if (!document || profiles.isProfile(uri)) return undefined;
    const entry = analyses.latest(uri);
    if (!entry) {
      const version = document.version;
      const analysis = await analysed(document);
      return { document, analysis, map: edits.since(uri, version, analysis.lines, document) };
    }
    return { document, analysis: entry.analysis, map: edits.since(uri, entry.version, entry.analysis.lines, document) };
  }

  /**
   * The analysis of this version with every evidence-link answer in: where those come asynchronously (the
   * browser asks the editor), a first analysis with provisional answers is made again once they have arrived.
   */
  async function analysed(document: VersionedText): Promise<Analysis>;
  async function analysed(document: VersionedText, stillWanted: () => boolean): Promise<Analysis | undefined>;
  async function analysed(document: VersionedText, stillWanted?: () => boolean): Promise<Analysis | undefined> {
    const wanted = stillWanted ?? ((): boolean => true);
    let analysis = await analyses.get(document, wanted);
    // Bounded: answers dropped (files changed) while others were awaited may need one more round, never more.
    for (let round = 0; analysis && round < 3 && (await files.settle(document.uri)); round++) analysis = await analyses.get(document, wanted);
    return analysis;
  }

  /**
   * The analysis of the document's current version, or undefined when the document is not open. While one is
   * scheduled (the user is typing), it waits for that one rather than analysing every version typed.
   */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    await scheduler.settled(uri);
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
        for (const d of documents.all()) scheduler.soon(d.uri, d.version);
      });
    }
  });

  // Files changed under the editor's feet (the browser's cached link answers were dropped): analyse again.
  files.onDidChange(() => {
    analyses.clear();
    for (const d of documents.all()) scheduler.soon(d.uri, d.version);
  });

  // Saving, creating or deleting a profile changes the policy of every relationship file: analyse them again.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    files.filesChanged?.(changes);
    if (!profiles.changed(changes.map((c) => c.uri))) return;
    analyses.clear();
    for (const d of documents.all()) scheduler.soon(d.uri, d.version);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    analyses.clear();
    for (const d of documents.all()) scheduler.soon(d.uri, d.version);
  });

  documents.onDidChangeContent(({ document }) => scheduler.changed(document.uri, document.version, analyses.latest(document.uri) !== undefined));
  documents.onDidClose(({ document }) => {
    completionLines.delete(document.uri);
    scheduler.cancel(document.uri);
    analyses.evict(document.uri);
    edits.forget(document.uri);
    settings.forget(document.uri);
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(() => undefined);
  });

  connection.onCompletion(guard('completion', [], async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    if (profiles.isProfile(document.uri)) return profileCompletions(document.getText(), document.offsetAt(position), (o) => document.positionAt(o));
    // The text the request was made on, read before yielding: a change may come in meanwhile.
    const text = document.getText();
    const offset = document.offsetAt(position);
    // Answers already made (a hover sent with this request) are written before the list is built: vscode-jsonrpc
    // writes each response a turn later, and a long list would hold them back.
    await nextTurn();
    const asOf = asOfFor(await settings.get(document.uri));
    const model = analyses.lastGoodModel(document.uri) ?? (await analyses.get(document)).model;
    const sharedRange = !!capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    // The text's line index, made from the one the last completion read (or the latest analysis's), a keystroke or
    // two behind, by reading only where they differ; a completion asked again on the same text takes it as it is.
    const before = completionLines.get(document.uri) ?? analyses.latest(document.uri)?.analysis.lines;
    const lines = before ? LineIndex.edited(before, text) : new LineIndex(text);
    completionLines.set(document.uri, lines);
    return completions({ text: lines, offset, model, asOf, today: localToday(), sharedRange });
  }));

  // Position requests map the cursor back to the analysed text (nothing to say inside text typed since) and
  // their answer forward.
  connection.onHover(guard('hover', null, async ({ textDocument, position }) => {
    const profile = profiles.isProfile(textDocument.uri) ? documents.get(textDocument.uri) : undefined;
    if (profile) return profileHover(profile.getText(), profile.offsetAt(position), (o) => profile.positionAt(o));
    const found = await answerFrom(textDocument.uri);
    const at = found?.map.back(position);
    return found && at ? mapHover(hover(found.analysis, at), found.map) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async ({ textDocument }) => {
    const found = await answerFrom(textDocument.uri);
    return found ? mapSymbols(documentSymbols(found.analysis), found.map) : [];
  }));

  connection.onFoldingRanges(guard('foldingRange', [], async ({ textDocument }) => {
    const found = await answerFrom(textDocument.uri);
    return found ? mapFolding(foldingRanges(found.analysis), found.map) : [];
  }));

  connection.onDefinition(guard('definition', [], async ({ textDocument, position }) => {
    const found = await answerFrom(textDocument.uri);
    const at = found?.map.back(position);
    return found && at ? mapLocations(definition(found.analysis, textDocument.uri, at), textDocument.uri, found.map) : [];
  }));

  connection.onReferences(guard('references', [], async ({ textDocument, position, context }) => {
    const found = await answerFrom(textDocument.uri);
    const at = found?.map.back(position);
    return found && at ? mapLocations(references(found.analysis, textDocument.uri, at, context.includeDeclaration), textDocument.uri, found.map) : [];
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

  // Asked for on every cursor move: answered from the last analysis too, with the client's diagnostics mapped back
  // and the fixes' edits forward (a fix touching text typed since is left out until the next analysis).
  connection.onCodeAction(guard('codeAction', [], async ({ textDocument, range, context }) => {
    const found = await answerFrom(textDocument.uri);
    if (!found) return [];
    const { analysis, map } = found;
    return mapCodeActions(codeActions(analysis, textDocument.uri, map.rangeBack(range) ?? range, diagnosticsBack(context.diagnostics, map)), textDocument.uri, map);
  }));

  connection.onDocumentLinks(guard('documentLink', [], async ({ textDocument }) => {
    const found = await answerFrom(textDocument.uri);
    return found ? mapRanged(documentLinks(found.analysis, textDocument.uri), found.map) : [];
  }));

  connection.onCodeLens(guard('codeLens', [], async ({ textDocument }) => {
    const found = await answerFrom(textDocument.uri);
    return found ? mapRanged(codeLenses(found.analysis, textDocument.uri), found.map) : [];
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

  // Not guarded either: the command says why it did nothing, so a failure must reach it.
  connection.onRequest(MigrateRequest, validated('migrate', async ({ uri }): Promise<MigrateResult | null> => {
    const document = documents.get(uri);
    if (!document) return null;
    const m = migrate(document.getText());
    if (m.status !== 'migrated') return m;
    return { status: 'migrated', version: document.version, edits: m.edits, changes: m.changes.map((c) => `line ${c.line + 1}: ${c.summary}`) };
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

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}

function folderUris(list: readonly WorkspaceFolder[]): string[] {
  return list.map((f) => f.uri);
}

function closedFile(uri: string, text: string): VersionedText {
  return { uri, version: 0, getText: () => text };
}

/**
 * The extension's entry on the web (`browser`: vscode.dev, github.dev): the server in a web
 * worker. The preview's engine is a second bundle, loaded with Node's `require`, which a web
 * worker has not: the Markdown preview there is left as VS Code renders it (no `extendMarkdownIt`).
 */
import type * as vscode from 'vscode';
import { createBrowserLanguageClient } from './browser-language-client';
import type { PostmortemExtensionApi } from './extension';
import { activateWith } from './extension';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
  return activateWith(context, createBrowserLanguageClient);
}

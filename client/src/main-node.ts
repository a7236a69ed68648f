/** The extension's entry on the desktop (`main`): the language server as a Node process. */
import type * as vscode from 'vscode';
import type { PostmortemExtensionApi } from './extension';
import { activateWith } from './extension';
import { createLanguageClient } from './language-client';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
  return activateWith(context, createLanguageClient);
}

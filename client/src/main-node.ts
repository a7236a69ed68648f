/**
 * The extension's entry on the desktop (`main`): the language server as a Node process, and
 * the Markdown preview's engine from its own bundle (`preview.js` beside this one), loaded the
 * first time the preview renders a post-mortem.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { PreviewBundle } from '../../server/src/protocol';
import type { PostmortemExtensionApi } from './extension';
import { activateWith } from './extension';
import { createLanguageClient } from './language-client';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
  return activateWith(context, createLanguageClient, loadPreviewBundle);
}

/** The preview's engine. A `require` of a path esbuild cannot follow, so it stays its own bundle. */
function loadPreviewBundle(): PreviewBundle {
  const path = join(__dirname, 'preview.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  return require(path) as PreviewBundle;
}

/**
 * The extension's markdown-it plugin (`extendMarkdownIt`): in VS Code's Markdown preview of a
 * post-mortem, the metrics card and timeline chart above the timeline and the milestone badges
 * on its rows, from the same engine as the editor with the configuration the server analysed
 * the report with. Any other document's tokens and HTML are left exactly as they were.
 *
 * VS Code parses a document without saying which one it is (and keeps the tokens for the next
 * render); it names the document when it renders (`env.currentDocument`). So parsing only
 * notes the source of the tokens, and rendering adds to a copy of them.
 */
import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import type { PreviewBundle } from '../../../server/src/protocol';
import type { PreviewConfigs } from './preview-configs';

/** The document VS Code's preview is rendering, from markdown-it's `env`. */
function currentDocument(env: unknown): vscode.Uri | undefined {
  if (typeof env !== 'object' || env === null || !('currentDocument' in env)) return undefined;
  const uri = (env as { currentDocument?: unknown }).currentDocument;
  return typeof uri === 'object' && uri !== null ? (uri as vscode.Uri) : undefined;
}

/**
 * The plugin: `configs` says which documents are post-mortems and their configuration,
 * `protocolUri` names a document as the server does, `load` loads the preview's engine (once,
 * the first time a post-mortem is rendered), `report` hears what went wrong (the document then
 * renders as it would without the plugin).
 */
export function previewPlugin(
  configs: Pick<PreviewConfigs, 'get'>,
  protocolUri: (uri: vscode.Uri) => string,
  load: () => PreviewBundle,
  report: (error: unknown) => void,
): (md: MarkdownIt) => MarkdownIt {
  let bundle: PreviewBundle | undefined;
  // The text each token list was parsed from, for as long as the list is kept.
  const sources = new WeakMap<object, string>();
  return (md) => {
    md.core.ruler.push('postmortem_source', (state) => {
      sources.set(state.tokens, state.src);
    });
    const render = md.renderer.render.bind(md.renderer);
    const { Token } = md.core.State.prototype;
    md.renderer.render = (tokens, options, env: unknown) => {
      const source = sources.get(tokens);
      const document = currentDocument(env);
      const uri = source !== undefined && document ? protocolUri(document) : undefined;
      const config = uri !== undefined ? configs.get(uri) : undefined;
      if (!config) return render(tokens, options, env);
      try {
        bundle ??= load();
        // A copy: VS Code renders the same tokens again from its cache.
        const decorated = [...tokens];
        bundle.decoratePreview(
          uri!,
          source!,
          config,
          decorated,
          (type, tag, nesting) => new Token(type, tag, nesting),
        );
        return render(decorated, options, env);
      } catch (error) {
        report(error);
        return render(tokens, options, env);
      }
    };
    return md;
  };
}

/**
 * What no API reaches, done by the code-server driver in Chromium: typing into VS Code's input
 * boxes (or ticking a many-pick's rows), seeing a notification on screen, reading the Markdown
 * preview's webview, reading the text of elements in the workbench or inside a webview's frame,
 * and taking a screenshot. A test writes `request-N.json` in `PM_E2E_UI_DIR`; the driver does it
 * and answers in `response-N.json`. Under `@vscode/test-electron` there is no driver (`DRIVER`
 * is false).
 */
import { existsSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WAIT_MS } from './wait';

const folder = process.env.PM_E2E_UI_DIR;

/** Whether a driver types and looks for the tests. */
export const DRIVER = folder !== undefined;

/**
 * One input: the quick input's title, and the text to type before Enter, or the rows to tick in
 * a many-pick before OK.
 */
export type KeyboardStep = { title: string } & ({ text: string } | { check: string[] });

/** What to read on screen: the elements `selector` matches, in the page or a webview's frame. */
export interface Look {
  selector: string;
  /** The `<title>` of the webview document to look in; the workbench itself without it. */
  frameTitle?: string;
  /** How many elements to wait for (1 unless said; 0 reads at once). */
  min?: number;
}

/**
 * The next request's number: one past the highest in the folder. Each test file is bundled with
 * its own copy of this module, so a counter here would start again at 1 in every file and find
 * the answer to another file's request.
 */
function nextRequestId(directory: string): number {
  const numbers = readdirSync(directory).map((name) => /^request-(\d+)\.json$/.exec(name)?.[1]);
  return Math.max(0, ...numbers.map(Number).filter(Number.isInteger)) + 1;
}

/** What the driver read in the Markdown preview's webview (the nested frames of VS Code's). */
export interface PreviewSeen {
  /** The metrics card's values as shown: `TTD 0m*`. */
  metrics: string[];
  /** Each badge, with the first cell or the text of its row: `12:55 PM: detected*`. */
  badges: string[];
  /** The spans the timeline chart draws (`data-metric`). */
  chartSpans: string[];
}

/** How to read the preview: once its card shows `showing`, and whether to screenshot it. */
export interface PreviewRequest {
  showing: string;
  screenshot: boolean;
}

/** What the driver is asked to do: type, see a notification, read the preview or the screen. */
type DriverRequest =
  | { steps: KeyboardStep[] }
  | { notification: string }
  | { preview: PreviewRequest }
  | { look: Look }
  | { screenshot: string };

/** What the driver answers. */
interface DriverAnswer {
  ok: boolean;
  error?: string;
  preview?: PreviewSeen;
  found?: string[];
}

/** Has the driver type each step in turn; resolves once it has, rejects with its error. */
export async function typeIntoQuickInputs(steps: KeyboardStep[]): Promise<void> {
  await askDriver({ steps });
}

/** Resolves once the driver sees a notification toast holding `text`, rejects if it does not. */
export async function seeNotification(text: string): Promise<void> {
  await askDriver({ notification: text });
}

/**
 * What the Markdown preview on screen shows of a post-mortem, once its metrics card holds the
 * text `showing`; with `screenshot`, the driver takes the preview's screenshot (`preview.png`).
 */
export async function readPreview(request: PreviewRequest): Promise<PreviewSeen> {
  const answer = await askDriver({ preview: request });
  if (!answer.preview) throw new Error('The driver read nothing of the preview');
  return answer.preview;
}

/** The texts of the elements `look` names, once there are as many as it waits for. */
export async function lookAt(look: Look): Promise<string[]> {
  return (await askDriver({ look })).found ?? [];
}

/** Has the driver save the screen as `name` (a `.png`; a green run commits it to test/e2e/). */
export async function takeScreenshot(name: string): Promise<void> {
  await askDriver({ screenshot: name });
}

function askDriver(request: DriverRequest): Promise<DriverAnswer> {
  if (!folder) return Promise.reject(new Error('No driver types here (PM_E2E_UI_DIR is not set)'));
  const id = nextRequestId(folder);
  const response = join(folder, `response-${id}.json`);
  return new Promise<DriverAnswer>((resolve, reject) => {
    const watcher = watch(folder);
    const finish = (error: Error | null, answer?: DriverAnswer): void => {
      clearTimeout(timer);
      watcher.close();
      if (error || !answer) reject(error ?? new Error('No answer'));
      else resolve(answer);
    };
    const check = (): void => {
      if (!existsSync(response)) return;
      const answer = JSON.parse(readFileSync(response, 'utf8')) as DriverAnswer;
      finish(answer.ok ? null : new Error(`The driver failed: ${answer.error}`), answer);
    };
    const timer = setTimeout(
      () => finish(new Error(`No answer from the driver in ${WAIT_MS} ms (${response})`)),
      WAIT_MS,
    );
    watcher.on('change', check);
    const file = join(folder, `request-${id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(request));
    renameSync(`${file}.tmp`, file);
    check();
  });
}

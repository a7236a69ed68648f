/**
 * What no API reaches, done by the code-server driver in Chromium: typing into VS Code's input
 * boxes, and seeing a notification on screen. A test writes `request-N.json` in
 * `PM_E2E_UI_DIR`; the driver waits for the quick input with each step's title, types the text
 * and presses Enter, or waits for a notification toast with the text, and answers in
 * `response-N.json`. Under `@vscode/test-electron` there is no driver (`DRIVER` is false).
 */
import { existsSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WAIT_MS } from './wait';

const folder = process.env.PM_E2E_UI_DIR;

/** Whether a driver types and looks for the tests. */
export const DRIVER = folder !== undefined;

/** One input: the quick input's title, and the text to type before Enter. */
export interface KeyboardStep {
  title: string;
  text: string;
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

/** What the driver is asked to do: type the steps, or see a notification. */
type DriverRequest = { steps: KeyboardStep[] } | { notification: string };

/** Has the driver type each step in turn; resolves once it has, rejects with its error. */
export function typeIntoQuickInputs(steps: KeyboardStep[]): Promise<void> {
  return askDriver({ steps });
}

/** Resolves once the driver sees a notification toast holding `text`, rejects if it does not. */
export function seeNotification(text: string): Promise<void> {
  return askDriver({ notification: text });
}

function askDriver(request: DriverRequest): Promise<void> {
  if (!folder) return Promise.reject(new Error('No driver types here (PM_E2E_UI_DIR is not set)'));
  const id = nextRequestId(folder);
  const response = join(folder, `response-${id}.json`);
  return new Promise<void>((resolve, reject) => {
    const watcher = watch(folder);
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      if (!existsSync(response)) return;
      const answer = JSON.parse(readFileSync(response, 'utf8')) as { ok: boolean; error?: string };
      finish(answer.ok ? undefined : new Error(`The driver failed: ${answer.error}`));
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

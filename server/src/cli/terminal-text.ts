/**
 * Text from reports, configuration files and file names as a terminal may print it: control
 * characters (ESC, which starts escape sequences, and every other C0 and C1 character, DEL)
 * are written as `\x1b`, so that a report cannot move the cursor, recolour the terminal, set
 * its title or hide a line.
 */

/** Every C0 control, DEL and every C1 control (C1 `CSI`, U+009B, also starts sequences). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with each control character written as `\xNN`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

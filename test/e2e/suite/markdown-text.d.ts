/** Markdown files the suite imports are bundled as their text (`loader` in `build.mjs`). */
declare module '*.md' {
  const text: string;
  export default text;
}

// Everything the CLIs print goes through here: stored text (titles, quotes, reference lists, labels)
// can hold control characters, and printed raw an ESC starts a terminal escape sequence (clear the
// screen, retitle the window, rewrite what was printed), BEL rings, a carriage return overwrites the
// line, and a bidi override reorders what the reader sees. Each is shown as a visible \uXXXX escape
// instead; line feeds and tabs, which the CLIs' own layout uses, are kept. The \uXXXX form is also a
// valid JSON escape, so `report --json` stays parseable JSON with the same data.

/** C0 controls except tab and line feed, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line/paragraph separators. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** The text with every character a terminal would act on, rather than show, written as \uXXXX. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** One value on one line: line feeds and tabs escaped too, so a value cannot fake a line of output. */
export function oneField(value: string): string {
  return forTerminal(value).replace(/[\n\t]/g, (c) => (c === '\n' ? '\\n' : '\\t'));
}

/** Prints a line (or several) on standard output, escaped. */
export function printLine(text = ''): void {
  process.stdout.write(`${forTerminal(text)}\n`);
}

/** Prints a line (or several) on standard error, escaped. */
export function printError(text: string): void {
  process.stderr.write(`${forTerminal(text)}\n`);
}

/**
 * Writes a data format (CSV, JSON, GEXF) on standard output: byte for byte into a pipe or a file, which
 * a program reads; escaped when standard output is a terminal, which would act on the controls.
 */
export function writeData(text: string): void {
  process.stdout.write(process.stdout.isTTY ? forTerminal(text) : text);
}

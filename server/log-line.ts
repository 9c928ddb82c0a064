/**
 * The one escaping rule for the server's log: every line is built with the `logLine` tag, which
 * escapes each value put into it, and a `LogLine` sink takes nothing else (the type says so), so
 * no request path, error message or stored name can start a line of its own, move the cursor
 * of a terminal, or pass for an escape it is not.
 */

/** Control characters, Unicode line breaks and the escape character itself. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/** `escapeLogText('a\nb\\c') === 'a\\nb\\\\c'`; spaces are kept. */
export function escapeLogText(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return (
      NAMED[ch] ??
      (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`)
    );
  });
}

/** A line built by `logLine`, whose values are escaped. */
export type LogText = string & { readonly escapedForLog: true };

/** Where log lines go. */
export type LogLine = (line: LogText) => void;

/** A value escaped with its spaces too, so that it stays one space-separated field of a line. */
export class LogField {
  readonly text: string;
  constructor(value: string) {
    this.text = escapeLogText(value).replaceAll(' ', '\\x20');
  }
}

/** `logField('/a b')` in a `logLine` shows `/a\x20b`. */
export const logField = (value: string) => new LogField(value);

/**
 * A log line whose literal text is the code's and whose values are escaped:
 * `` logLine`error ${path}: ${message}` ``. Numbers are shown as they are.
 */
export function logLine(
  literals: TemplateStringsArray,
  ...values: (string | number | LogField)[]
): LogText {
  let line = literals[0] ?? '';
  values.forEach((value, i) => {
    const text =
      value instanceof LogField
        ? value.text
        : typeof value === 'number'
          ? String(value)
          : escapeLogText(value);
    line += text + (literals[i + 1] ?? '');
  });
  return line as LogText;
}

// Text that came from outside (file names, knowledge text, members' questions) printed to a
// terminal or a file must not act on the terminal: an escape sequence could clear the screen, move
// the cursor or retitle the window, and a newline or a carriage return could forge a line of output
// ("✓ knowledge OK"). Every such character is shown as a visible escape instead, so what is printed
// is exactly what is there, and nothing more.

// C0 controls, DEL, C1 controls (0x9b is a one-byte escape-sequence introducer on some terminals),
// line and paragraph separators, and the bidirectional overrides and isolates that can make text
// read in a different order than it is stored.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export type VisibleOptions = {
  /** Keep newlines as newlines (for multi-line text the program itself lays out). Default false. */
  keepNewlines?: boolean;
};

/** `text` with every control character shown as an escape: ESC → `\u001b`, newline → `\n`, tab → `\t`. */
export function showControlCharacters(text: string, options: VisibleOptions = {}): string {
  return text.replace(CONTROL, (c) => (options.keepNewlines && c === '\n' ? c : (NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

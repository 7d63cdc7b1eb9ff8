/**
 * What the CLI prints comes partly from the reports (region names as written, highlight titles, file names): control
 * and escape characters in it would act on the terminal. They are shown as visible codes instead.
 */
export function safeForTerminal(text: string): string {
  // Everything but tab and line feed in C0, DEL and C1 (ESC and CSI among them), and bidirectional overrides.
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes a human message to stderr, made safe for the terminal. */
export function say(text: string): void {
  process.stderr.write(safeForTerminal(text));
}

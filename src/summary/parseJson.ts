/** JSON.parse for files people edit: a syntax error says the line and column, not a character offset. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (!position) return { ok: false, message };
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      ok: false,
      message: `${message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '')} at line ${line}, column ${column}`,
    };
  }
}

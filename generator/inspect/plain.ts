/** Text from an app's schema made safe to print: no control characters (terminal escapes), one line. */

/** Removes C0/C1 controls (ANSI escape sequences included) and collapses whitespace runs. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Wraps `text` to lines of at most `width` characters (words longer than that stay whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of plain(text).split(" ")) {
    if (word === "") continue;
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A JSON value, shortened to `max` characters. */
export function preview(value: unknown, max = 80): string {
  const json = plain(JSON.stringify(value) ?? "null");
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

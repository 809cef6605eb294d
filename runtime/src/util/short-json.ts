/** A value as JSON for a message, cut to `max` characters (`String(value)` when it has no JSON form). */
export function shortJson(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

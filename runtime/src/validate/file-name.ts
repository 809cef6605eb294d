/**
 * The name an upload will carry, where the runtime decides it (files/file-input.ts, the Node
 * entry's `basename` of a path), for the `file_types` rule. The server judges the name it stored
 * after sanitizing it, which differs between Gradio releases; so only plain names (letters,
 * digits, `_`, `-`, at most one dot) are judged here, where every release agrees.
 */
/**
 * The name of the file the runtime will upload for `input`; null when it is not known here (a URL,
 * a file already on the server, an unnamed stream). Structural, so that validation bundles none of
 * the files feature.
 */
export function uploadName(input: unknown): string | null {
  if (typeof input === "string") {
    if (/^https?:\/\//i.test(input)) return null;
    if (/^data:/i.test(input)) return "file";
    return input.split(/[\\/]/).pop() ?? null;
  }
  if (typeof Blob !== "undefined" && input instanceof Blob)
    return "name" in input && typeof input.name === "string" && input.name ? input.name : "file";
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return "file";
  // A NamedStream ({ stream, name }); a GradioFile or FileData has no `stream`.
  if (typeof input === "object" && input !== null && "stream" in input && "name" in input)
    return typeof input.name === "string" ? input.name || "file" : null;
  return null;
}

/** True when the server surely refuses `name` for `extensions`; false when it accepts it or the name is not plain. */
export function wrongExtension(name: string, extensions: readonly string[]): boolean {
  if (name.length > 100 || !/^[\w-]+(\.[A-Za-z0-9]+)?$/.test(name)) return false;
  const lower = name.toLowerCase();
  return !extensions.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

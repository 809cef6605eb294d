/**
 * The differential apps and their calls, per Gradio line. `{file: path}` is a file argument
 * (a path for the module, `handle_file(path)` for Python). Calls run in order (State apps depend on it).
 */
import { join } from "node:path";
import type { GradioLine } from "../harness/gradio-versions.js";
import { REPO_ROOT } from "../support/paths.js";

export interface Call {
  readonly api: string;
  readonly args: readonly unknown[];
}

export const WORK = join(REPO_ROOT, "test", ".work", `differential-${process.pid}`);
export const PNG = join(REPO_ROOT, "test", "fixtures", "gradient-4x3.png");
export const TEXT = join(WORK, "notes.txt");
export const VIDEO = join(WORK, "pattern.mp4");
export const SRT = join(WORK, "pattern.srt");

const CALLS: Record<string, readonly Call[]> = {
  d_updates: [
    { api: "/set_max", args: [20] },
    { api: "/toggle", args: [true] },
    { api: "/toggle", args: [false] },
    { api: "/skip", args: [5] },
    { api: "/mixed", args: [4] },
    { api: "/double", args: [21] },
  ],
  d_streams: [
    { api: "/count_up", args: [3] },
    { api: "/spell", args: ["abc"] },
  ],
  d_state: [
    { api: "/add", args: [2] },
    { api: "/add", args: [3] },
    { api: "/double_total", args: [] },
    { api: "/read_total", args: [] },
  ],
  d_values: [
    { api: "/calc", args: [4, "add", 5] },
    { api: "/calc", args: [1, "divide", 0] },
    { api: "/describe", args: ["hi", 2, true] },
    { api: "/table", args: [2] },
    { api: "/highlight", args: ["Hello world"] },
  ],
  d_media: [
    { api: "/flip", args: [{ file: PNG }] },
    { api: "/upper_file", args: [{ file: TEXT }] },
    { api: "/tone", args: [440] },
    { api: "/tiles", args: [2] },
  ],
  d_chat: [{ api: "/chat", args: ["hello"] }],
  d_video: [
    { api: "/mirror", args: [{ file: VIDEO }] },
    { api: "/subtitled", args: [{ file: VIDEO }] },
  ],
  d_defaults: [
    { api: "/describe", args: [] },
    { api: "/describe", args: [{ file: PNG }] },
  ],
};

/**
 * Gradio 4.x and 5.x type a Video value as `{video, subtitles}` (VideoData), in and out, so a
 * video argument is that object there, and a video can be sent with its subtitles (both files
 * uploaded); 6.x's Video value is the file itself.
 */
const VIDEO_DATA: readonly Call[] = [
  { api: "/mirror", args: [{ video: { file: VIDEO } }] },
  { api: "/mirror", args: [{ video: { file: VIDEO }, subtitles: { file: SRT } }] },
  { api: "/subtitled", args: [{ video: { file: VIDEO }, subtitles: null }] },
];

/** The apps and their calls on one Gradio line (every app builds on 4.x–6.x). */
export function callsFor(line: GradioLine): Record<string, readonly Call[]> {
  return line === "current" ? CALLS : { ...CALLS, d_video: VIDEO_DATA };
}

/** `{file: path}` anywhere in an argument → what `asFile` makes of the path. */
export function withFiles(value: unknown, asFile: (path: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withFiles(v, asFile));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === "file" && typeof entries[0][1] === "string")
    return asFile(entries[0][1]);
  return Object.fromEntries(entries.map(([k, v]) => [k, withFiles(v, asFile)]));
}

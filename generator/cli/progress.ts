/**
 * The progress line on stderr while a Space wakes: on a terminal one line rewritten in place,
 * otherwise (logs, CI) one line per stage change — never one line per poll.
 */
import type { SpaceWaitEvent } from "../load/index.js";

/** Returns the `onWait` callback that prints the progress line to `stream`. */
export function spaceProgress(stream: NodeJS.WriteStream = process.stderr): (event: SpaceWaitEvent) => void {
  const inPlace = stream.isTTY === true;
  return (event) => {
    const seconds = (event.elapsedMs / 1000).toFixed(1);
    const line = event.done
      ? `Space ${event.spaceId} is ${event.stages[event.stages.length - 1]} after ${seconds} s (${event.stages.join(" → ")})`
      : `waiting for Space ${event.spaceId}: ${event.stages.join(" → ")} …`;
    stream.write(inPlace ? `\r\x1b[2K${line}${event.done ? "\n" : ""}` : `${line}\n`);
  };
}

/** Ends an in-place progress line that a failure interrupted, so the error starts on its own line. */
export function endProgressLine(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY === true) stream.write("\r\x1b[2K");
}

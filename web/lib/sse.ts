/**
 * A server-sent event: its `event:` name ("message" when there is none), its `data:` lines, and the
 * last `id:` the stream has sent (the id to resume after; absent until the stream sends one).
 */
export type SseFrame = { event: string; data: string; id?: string };

/**
 * Reads server-sent events out of text that arrives in arbitrary pieces: a frame may be split across
 * chunks, and one chunk may hold several frames. Lines end in LF, CRLF or CR; a blank line ends a frame.
 * `push` returns the frames completed so far; `end` returns a last frame the stream did not close.
 */
export function createSseParser() {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  // As in the HTML standard, an id holds for the following frames until the stream sends another.
  let lastId = "";

  function take(): SseFrame[] {
    const frames: SseFrame[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (!match || (match[0] === "\r" && match.index === buffer.length - 1)) break;
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      const frame = readLine(line);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  function readLine(line: string): SseFrame | null {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return null; // a comment, e.g. a keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\0")) lastId = value;
    return null;
  }

  function dispatch(): SseFrame | null {
    const frame = data.length > 0 ? { event: event || "message", data: data.join("\n"), ...(lastId ? { id: lastId } : {}) } : null;
    event = "";
    data = [];
    return frame;
  }

  return {
    push(chunk: string): SseFrame[] {
      buffer += chunk;
      return take();
    },
    end(): SseFrame[] {
      const frames = take();
      if (buffer !== "") {
        const frame = readLine(buffer.replace(/\r$/, ""));
        buffer = "";
        if (frame) frames.push(frame);
      }
      const last = dispatch();
      if (last) frames.push(last);
      return frames;
    },
  };
}

import { describe, expect, it } from "vitest";
import { createSseParser } from "./sse";

describe("createSseParser", () => {
  it("reads a frame split across chunks, even in the middle of a line", () => {
    const parser = createSseParser();
    expect(parser.push("event: del")).toEqual([]);
    expect(parser.push('ta\ndata: {"text":')).toEqual([]);
    expect(parser.push('"Hel"}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "delta", data: '{"text":"Hel"}' }]);
  });

  it("reads several frames from one chunk", () => {
    const parser = createSseParser();
    const frames = parser.push('event: start\ndata: {"conversationId":"c1"}\n\nevent: delta\ndata: {"text":"Hi"}\n\nevent: delta\ndata: {"text":"!"}\n\nevent: do');
    expect(frames.map((f) => f.event)).toEqual(["start", "delta", "delta"]);
    expect(parser.push('ne\ndata: {"conversationId":"c1","messageId":"m1"}\n\n')).toEqual([
      { event: "done", data: '{"conversationId":"c1","messageId":"m1"}' },
    ]);
  });

  it("understands CRLF line ends, also when a chunk ends between CR and LF", () => {
    const parser = createSseParser();
    expect(parser.push('event: delta\r\ndata: {"text":"a"}\r')).toEqual([]);
    expect(parser.push("\n\r")).toEqual([]);
    expect(parser.push("\nevent: delta\r\ndata: {\"text\":\"b\"}\r\n\r\n")).toEqual([
      { event: "delta", data: '{"text":"a"}' },
      { event: "delta", data: '{"text":"b"}' },
    ]);
  });

  it("skips comments, joins data lines, names a frame without event 'message'", () => {
    const parser = createSseParser();
    expect(parser.push(": keep-alive\n\ndata: one\ndata: two\n\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("hands over a last frame the stream did not close with a blank line", () => {
    const parser = createSseParser();
    expect(parser.push('event: error\ndata: {"message":"Model unavailable"}')).toEqual([]);
    expect(parser.end()).toEqual([{ event: "error", data: '{"message":"Model unavailable"}' }]);
  });

  it("carries the id of a frame, and the last id to the frames after it until a new one comes", () => {
    const parser = createSseParser();
    const frames = parser.push('id: 41\nevent: task\ndata: {"id":"a"}\n\nevent: reminder\ndata: {"id":"r"}\n\nid: 42\nevent: task\ndata: {"id":"b"}\n\n');
    expect(frames).toEqual([
      { event: "task", data: '{"id":"a"}', id: "41" },
      { event: "reminder", data: '{"id":"r"}', id: "41" },
      { event: "task", data: '{"id":"b"}', id: "42" },
    ]);
  });

  it("reads an id split across chunks, and skips heartbeats between frames", () => {
    const parser = createSseParser();
    expect(parser.push(": heartbeat\n\nid: 0195-ab")).toEqual([]);
    expect(parser.push("cd\nevent: task\ndata: {}\n")).toEqual([]);
    expect(parser.push(": heartbeat\n\n")).toEqual([{ event: "task", data: "{}", id: "0195-abcd" }]);
  });

  it("ignores an id with a NUL in it", () => {
    const parser = createSseParser();
    expect(parser.push("id: 7\n\nid: x\u0000y\ndata: z\n\n")).toEqual([{ event: "message", data: "z", id: "7" }]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cancelDelete, scheduleDelete, UNDO_WINDOW_MS } from "./pending-deletes";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("undoable delete", () => {
  it("sends nothing when undone within the window", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const done = vi.fn();
    scheduleDelete(7, done);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1);
    expect(cancelDelete(7)).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(fetch).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
  });

  it("deletes on the server once the window has passed", async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ message: "Task deleted" }), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const done = vi.fn();
    scheduleDelete(8, done);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(fetch).toHaveBeenCalledWith("/api/v1/tasks/8", expect.objectContaining({ method: "DELETE", keepalive: true }));
    expect(done).toHaveBeenCalledWith();
    expect(cancelDelete(8)).toBe(false);
  });
});

import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setAccessToken } from "@/lib/api";
import { eventStream, problem } from "@/lib/test-stream";
import { taskKeys } from "@/features/tasks/use-tasks";
import type { Task, TaskPage } from "@/features/tasks/types";
import { followTaskEvents, reconnectDelay, SILENCE_LIMIT_MS, type ReminderEvent, type TaskEvent } from "./task-events";
import { applyTaskEvent } from "./use-task-events";

afterEach(() => setAccessToken(null));

const task = (changes: Partial<Task>): Task => ({
  id: 1, userId: "u", title: "Buy milk", description: null, status: "pending", priority: "medium", dueDate: null,
  dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null, recurFrom: "due",
  tags: [], position: 1, createdAt: "", updatedAt: "", completedAt: null, ...changes,
});

const taskEvent = (type: TaskEvent["type"], t: Task, id = "e1"): TaskEvent => ({
  id, type, version: "1.0", timestamp: "2026-12-07T10:00:00Z",
  data: { taskId: t.id, userId: t.userId, title: t.title, priority: t.priority, task: type === "TaskDeleted" ? null : t },
  metadata: { correlationId: "c", source: "todo-backend", via: "api" },
});

const reminder: ReminderEvent = { id: "r1", taskId: 1, userId: "u", title: "Buy milk", dueAt: "2026-12-07T10:00:00Z", remindAt: "2026-12-07T09:45:00Z" };

/** A request that never answers, like a server that accepted the connection and hangs, until aborted. */
const pending = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

describe("reconnectDelay", () => {
  it("waits 1, 2, 5, then 10 seconds at most", () => {
    expect([1, 2, 3, 4, 5, 9].map(reconnectDelay)).toEqual([1000, 2000, 5000, 10000, 10000, 10000]);
  });
});

describe("followTaskEvents", () => {
  it("hands over task events and reminders, and resumes after a lost connection from the last task event's id", async () => {
    setAccessToken("token-1");
    const first = eventStream();
    const third = eventStream();
    const fetch = vi.fn()
      .mockResolvedValueOnce(first.response)
      .mockResolvedValueOnce(problem(503, "Restarting"))
      .mockResolvedValueOnce(third.response);
    vi.stubGlobal("fetch", fetch);
    const stop = new AbortController();
    const tasks: TaskEvent[] = [];
    const reminders: ReminderEvent[] = [];
    const waits: number[] = [];
    const connected: boolean[] = [];
    const following = followTaskEvents({
      signal: stop.signal,
      onTask: (event) => tasks.push(event),
      onReminder: (r) => reminders.push(r),
      onConnected: (resumed) => connected.push(resumed),
      wait: async (ms) => void waits.push(ms),
    });

    const created = taskEvent("TaskCreated", task({}), "e41");
    first.send(`id: e41\nevent: task\ndata: ${JSON.stringify(created)}\n\n: heartbeat\n\n`);
    first.send(`event: reminder\ndata: ${JSON.stringify(reminder)}\n\n`);
    first.close();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    third.send(`id: e42\nevent: ta`);
    third.send(`sk\ndata: ${JSON.stringify(taskEvent("TaskUpdated", task({ title: "Buy oat milk" }), "e42"))}\n\n`);
    await vi.waitFor(() => expect(tasks).toHaveLength(2));
    stop.abort();
    await following;

    expect(tasks.map((t) => t.type)).toEqual(["TaskCreated", "TaskUpdated"]);
    expect(tasks[1].data.task?.title).toBe("Buy oat milk");
    expect(reminders).toEqual([reminder]);
    expect(connected).toEqual([false, true]);
    // After the stream closed: 1 s; after the error answer, the second failure in a row: 2 s.
    expect(waits).toEqual([1000, 2000]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe("/api/v1/events");
    expect(headersOf(init).get("Authorization")).toBe("Bearer token-1");
    expect(headersOf(init).get("Accept")).toBe("text/event-stream");
    expect(headersOf(init).has("Last-Event-ID")).toBe(false);
    expect(headersOf(fetch.mock.calls[1][1]).get("Last-Event-ID")).toBe("e41");
    expect(headersOf(fetch.mock.calls[2][1]).get("Last-Event-ID")).toBe("e41");
  });

  it("refreshes an expired token once and stops for good when the session is over", async () => {
    setAccessToken("expired");
    const fetch = vi.fn()
      .mockResolvedValueOnce(problem(401, "Expired"))
      .mockResolvedValueOnce(problem(401, "No session"));
    vi.stubGlobal("fetch", fetch);
    const wait = vi.fn(async () => {});
    await followTaskEvents({ signal: new AbortController().signal, onTask: () => {}, onReminder: () => {}, wait });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(["/api/v1/events", "/api/v1/auth/refresh"]);
    expect(wait).not.toHaveBeenCalled();
  });

  it("retries when the server cannot be reached, backing off", async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError("Failed to fetch"));
    vi.stubGlobal("fetch", fetch);
    const stop = new AbortController();
    const waits: number[] = [];
    await followTaskEvents({
      signal: stop.signal,
      onTask: () => {},
      onReminder: () => {},
      wait: async (ms) => {
        waits.push(ms);
        if (waits.length === 5) stop.abort();
      },
    });
    expect(waits).toEqual([1000, 2000, 5000, 10000, 10000]);
    expect(fetch).toHaveBeenCalledTimes(5);
  });

  it("drops a connection that stays silent past three heartbeats and reconnects", async () => {
    vi.useFakeTimers();
    try {
      const silent = eventStream();
      const fetch = vi.fn().mockResolvedValueOnce(silent.response).mockImplementation(pending);
      vi.stubGlobal("fetch", fetch);
      const stop = new AbortController();
      const waits: number[] = [];
      const following = followTaskEvents({ signal: stop.signal, onTask: () => {}, onReminder: () => {}, wait: async (ms) => void waits.push(ms) });
      await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1_000);
      silent.send(": heartbeat\n\n");
      await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1_000);
      expect(waits).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(waits).toEqual([1000]);
      expect(fetch).toHaveBeenCalledTimes(2);
      stop.abort();
      await following;
    } finally {
      vi.useRealTimers();
    }
  });

  it("skips a frame it cannot read and goes on with the next", async () => {
    const stream = eventStream();
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(stream.response).mockReturnValue(new Promise(() => {})));
    const stop = new AbortController();
    const tasks: TaskEvent[] = [];
    const following = followTaskEvents({ signal: stop.signal, onTask: (e) => tasks.push(e), onReminder: () => {}, wait: async () => {} });
    stream.send("id: e1\nevent: task\ndata: {not json\n\n");
    stream.frame("task", taskEvent("TaskCompleted", task({ status: "done" })));
    await vi.waitFor(() => expect(tasks).toHaveLength(1));
    stop.abort();
    await following;
    expect(tasks[0].type).toBe("TaskCompleted");
  });
});

describe("applyTaskEvent", () => {
  function cached(tasks: Task[]) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    queryClient.setQueryData<TaskPage>(taskKeys.list("all"), { tasks, total: tasks.length, page: 1, limit: 100 });
    const list = () => queryClient.getQueryData<TaskPage>(taskKeys.list("all"));
    return { queryClient, list };
  }

  it("replaces a changed task where it shows and marks the lists for fetching again", () => {
    const { queryClient, list } = cached([task({}), task({ id: 2, title: "Call mom" })]);
    applyTaskEvent(queryClient, taskEvent("TaskUpdated", task({ title: "Buy oat milk" })));
    expect(list()?.tasks.map((t) => t.title)).toEqual(["Buy oat milk", "Call mom"]);
    expect(queryClient.getQueryState(taskKeys.list("all"))?.isInvalidated).toBe(true);
  });

  it("takes a deleted task out of the lists", () => {
    const { queryClient, list } = cached([task({}), task({ id: 2, title: "Call mom" })]);
    applyTaskEvent(queryClient, taskEvent("TaskDeleted", task({})));
    expect(list()?.tasks.map((t) => t.title)).toEqual(["Call mom"]);
    expect(list()?.total).toBe(1);
  });

  it("marks the lists for fetching when a task new to them is created", () => {
    const { queryClient, list } = cached([task({})]);
    applyTaskEvent(queryClient, taskEvent("TaskCreated", task({ id: 3, title: "New" })));
    expect(list()?.tasks).toHaveLength(1);
    expect(queryClient.getQueryState(taskKeys.list("all"))?.isInvalidated).toBe(true);
  });
});

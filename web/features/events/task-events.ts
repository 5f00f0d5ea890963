import { apiFetch } from "@/lib/api";
import { createSseParser, type SseFrame } from "@/lib/sse";
import type { Priority, Task } from "@/features/tasks/types";

/** A change to one of the user's tasks, as `GET /api/v1/events` streams it (`event: task`). */
export type TaskEvent = {
  id: string;
  type: "TaskCreated" | "TaskUpdated" | "TaskCompleted" | "TaskDeleted";
  version: string;
  timestamp: string;
  data: { taskId: number; userId: string; title: string; priority: Priority; task: Task | null };
  metadata: { correlationId: string; source: string; via?: "api" | "mcp" | "assistant" | "import" | "recurrence" };
};

/** A reminder that is due (`event: reminder`); `late` when it fires after its moment (the server was down). */
export type ReminderEvent = { id: string; taskId: number; userId: string; title: string; dueAt: string; remindAt: string; late?: boolean };

/** The waits before reconnecting after the 1st, 2nd, 3rd and every later failure in a row. */
export const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];

/** The server sends a heartbeat every 15 s: three missed ones mean the connection is dead without having said so. */
export const SILENCE_LIMIT_MS = 45_000;

export function reconnectDelay(failuresInARow: number): number {
  return RECONNECT_DELAYS_MS[Math.min(Math.max(failuresInARow, 1), RECONNECT_DELAYS_MS.length) - 1];
}

export type TaskEventHandlers = {
  onTask: (event: TaskEvent) => void;
  onReminder: (reminder: ReminderEvent) => void;
  /** Each time the stream is (re)connected; `resumed` when it picks up after a lost connection. */
  onConnected?: (resumed: boolean) => void;
};

type Options = TaskEventHandlers & {
  signal: AbortSignal;
  /** Waits between attempts; a test passes one that does not sleep. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

function parse<T>(frame: SseFrame): T | null {
  try {
    return JSON.parse(frame.data) as T;
  } catch {
    return null;
  }
}

/**
 * Follows the signed-in user's event stream until `signal` aborts or the session ends (a 401 the
 * token refresh could not cure). A lost connection, a server restart or an error answer is retried
 * quietly after 1, 2, 5, then 10 s, with `Last-Event-ID` so no task event is missed in between.
 */
export async function followTaskEvents({ signal, onTask, onReminder, onConnected, wait = sleep }: Options): Promise<void> {
  let lastEventId: string | null = null;
  let failures = 0;
  let connectedBefore = false;

  while (!signal.aborted) {
    const connection = new AbortController();
    const stop = () => connection.abort();
    signal.addEventListener("abort", stop);
    let silence: ReturnType<typeof setTimeout> | undefined;
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(stop, SILENCE_LIMIT_MS);
    };
    try {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (lastEventId) headers["Last-Event-ID"] = lastEventId;
      const response = await apiFetch("/events", { headers, signal: connection.signal, cache: "no-store" });
      if (response.status === 401) return;
      if (response.ok && response.body) {
        failures = 0;
        onConnected?.(connectedBefore);
        connectedBefore = true;
        const parser = createSseParser();
        const reader = response.body.getReader();
        // Aborting the request may not end a read already waiting on the body; cancelling does.
        connection.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}));
        const decoder = new TextDecoder();
        listen();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          listen();
          for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
            if (frame.event === "task") {
              const event = parse<TaskEvent>(frame);
              if (event) onTask(event);
              // Only task events resume the stream; a reminder is not replayed.
              if (frame.id) lastEventId = frame.id;
            } else if (frame.event === "reminder") {
              const reminder = parse<ReminderEvent>(frame);
              if (reminder) onReminder(reminder);
            }
          }
        }
      } else {
        await response.body?.cancel();
      }
    } catch {
      // Unreachable, reset or silent too long: retried below like a closed stream.
    } finally {
      clearTimeout(silence);
      signal.removeEventListener("abort", stop);
    }
    if (signal.aborted) return;
    failures++;
    await wait(reconnectDelay(failures), signal);
  }
}

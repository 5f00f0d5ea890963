import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyTaskEvent } from "@/features/events/use-task-events";
import type { TaskEvent } from "@/features/events/task-events";
import { setAccessToken } from "@/lib/api";
import type { HistoryEntry } from "./activity";
import { TaskActivity } from "./task-activity";
import type { Task } from "./types";

afterEach(() => {
  cleanup();
  setAccessToken(null);
});

const task = (changes: Partial<Task>): Task => ({
  id: 7, userId: "u", title: "Buy oat milk", description: null, status: "done", priority: "medium", dueDate: null,
  dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null, recurFrom: "due",
  tags: [], position: 1, createdAt: "2026-12-07T09:00:00Z", updatedAt: "2026-12-07T09:10:00Z", completedAt: "2026-12-07T09:10:00Z", ...changes,
});

/** The history of task 7 as the server sends it (the contract's JSON), newest first. */
const history: HistoryEntry[] = [
  {
    id: "e3", type: "TaskCompleted", timestamp: "2026-12-07T09:10:00Z", via: "assistant",
    changes: [{ field: "status", from: "pending", to: "done" }], task: task({}),
  },
  {
    id: "e2", type: "TaskUpdated", timestamp: "2026-12-07T09:05:00Z", via: "api",
    changes: [{ field: "title", from: "Buy milk", to: "Buy oat milk" }], task: task({ status: "pending", completedAt: null }),
  },
  {
    id: "e1", type: "TaskCreated", timestamp: "2026-12-07T09:00:00Z", via: "mcp",
    changes: [{ field: "title", from: null, to: "Buy milk" }, { field: "status", from: null, to: "pending" }], task: task({ title: "Buy milk", status: "pending" }),
  },
];

const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** A fake server answering the history of task 7 with `answers`, one per request, the last one again after that. */
function fakeServer(...answers: Array<() => Response>) {
  let calls = 0;
  const fetch = vi.fn(async (url: string) => {
    if (!String(url).endsWith("/api/v1/tasks/7/history")) return reply(404, { detail: "Not found" });
    return answers[Math.min(calls++, answers.length - 1)]();
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function renderActivity() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <TaskActivity task={{ id: 7, title: "Buy oat milk" }} />
    </QueryClientProvider>,
  );
  return { queryClient, user: userEvent.setup() };
}

const lines = () => within(screen.getByRole("list", { name: "Activity of Buy oat milk, newest first" })).getAllByRole("listitem");

describe("TaskActivity", () => {
  it("fetches nothing until opened, then lists the entries newest first with who did what and when", async () => {
    setAccessToken("token-1");
    const fetch = fakeServer(() => reply(200, { history }));
    const { user } = renderActivity();
    const toggle = screen.getByRole("button", { name: "Activity" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(fetch).not.toHaveBeenCalled();

    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await screen.findByRole("list", { name: "Activity of Buy oat milk, newest first" });
    expect(lines().map((line) => line.querySelector("span")?.textContent)).toEqual([
      "Assistant completed it",
      'You changed the title from "Buy milk" to "Buy oat milk"',
      "An MCP client created the task",
    ]);
    const time = lines()[0].querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe("2026-12-07T09:10:00Z");
    expect(time?.getAttribute("title")).toBe(new Date("2026-12-07T09:10:00Z").toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/tasks/7/history");
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer token-1");
  });

  it("fetches again each time it is opened", async () => {
    const fetch = fakeServer(() => reply(200, { history: history.slice(1) }), () => reply(200, { history }));
    const { user } = renderActivity();
    const toggle = screen.getByRole("button", { name: "Activity" });
    await user.click(toggle);
    await vi.waitFor(() => expect(lines()).toHaveLength(2));
    await user.click(toggle);
    expect(screen.queryByRole("list")).toBeNull();
    await user.click(toggle);
    await vi.waitFor(() => expect(lines()).toHaveLength(3));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("fetches again when an event for the task arrives while it is open", async () => {
    fakeServer(() => reply(200, { history: history.slice(1) }), () => reply(200, { history }));
    const { queryClient, user } = renderActivity();
    await user.click(screen.getByRole("button", { name: "Activity" }));
    await vi.waitFor(() => expect(lines()).toHaveLength(2));

    const completed: TaskEvent = {
      id: "e3", type: "TaskCompleted", version: "1.0", timestamp: "2026-12-07T09:10:00Z",
      data: { taskId: 7, userId: "u", title: "Buy oat milk", priority: "medium", task: task({}) },
      metadata: { correlationId: "c", source: "todo-backend", via: "assistant" },
    };
    applyTaskEvent(queryClient, completed);
    await vi.waitFor(() => expect(lines()[0].textContent).toMatch(/^Assistant completed it/));
  });

  it("says so when there is no activity, also when the server has nothing recorded (404)", async () => {
    fakeServer(() => reply(404, { detail: "Task not found" }));
    const { user } = renderActivity();
    await user.click(screen.getByRole("button", { name: "Activity" }));
    expect(await screen.findByText("No activity yet")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows loading, then an error with Retry that fetches again", async () => {
    let answer: (response: Response) => void = () => {};
    const fetch = fakeServer(() => reply(200, { history }));
    const { user } = renderActivity();
    // The first answer waits until the test gives it: the loading state shows meanwhile.
    fetch.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    await user.click(screen.getByRole("button", { name: "Activity" }));
    expect(screen.getByRole("status").textContent).toBe("Loading activity…");

    answer(reply(500, { detail: "Database unavailable" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not load the activity: Database unavailable");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await vi.waitFor(() => expect(lines()).toHaveLength(3));
  });
});

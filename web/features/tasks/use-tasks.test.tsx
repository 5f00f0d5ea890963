import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticesProvider } from "@/components/ui/toast";
import { today } from "./due";
import type { Task, TaskPage } from "./types";
import { applyChanges, taskKeys, useCreateTask, useUpdateTask } from "./use-tasks";

afterEach(cleanup);

const task = (changes: Partial<Task>): Task => ({
  id: 1, userId: "u", title: "Buy milk", description: null, status: "pending", priority: "medium", dueDate: today(),
  dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null, recurFrom: "due",
  tags: [], position: 1024, createdAt: "", updatedAt: "", completedAt: null, ...changes,
});

function setup(tasks: Task[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const page: TaskPage = { tasks, total: tasks.length, page: 1, limit: 100 };
  queryClient.setQueryData(taskKeys.list("today"), page);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>{children}</NoticesProvider>
    </QueryClientProvider>
  );
  const titles = () => queryClient.getQueryData<TaskPage>(taskKeys.list("today"))?.tasks.map((t) => t.title);
  return { queryClient, wrapper, titles };
}

function refuse(detail: string) {
  return new Response(JSON.stringify({ status: 400, detail }), { status: 400, headers: { "Content-Type": "application/problem+json" } });
}

describe("useCreateTask", () => {
  it("shows the task at once, then takes it back and says why when the server refuses", async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn((url: string) => (String(url).endsWith("/tasks") ? new Promise<Response>((resolve) => (answer = resolve)) : Promise.resolve(new Response("{}", { status: 500 })))));
    const { wrapper, titles } = setup([task({})]);
    const { result } = renderHook(() => useCreateTask(), { wrapper });

    act(() => result.current.mutate({ title: "Call mom", dueDate: today() }));
    await waitFor(() => expect(titles()).toEqual(["Buy milk", "Call mom"]));

    answer(refuse("Title is too long"));
    await waitFor(() => expect(titles()).toEqual(["Buy milk"]));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining('Could not create "Call mom": Title is too long'));
  });

  it("replaces the draft with the server's task, once, even when a fetch brought that task in already", async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn((url: string, init?: RequestInit) => (init?.method === "POST" ? new Promise<Response>((resolve) => (answer = resolve)) : new Promise<Response>(() => {}))));
    const { wrapper, queryClient } = setup([task({})]);
    const ids = () => queryClient.getQueryData<TaskPage>(taskKeys.list("today"))?.tasks.map((t) => t.id);
    const { result } = renderHook(() => useCreateTask(), { wrapper });
    act(() => result.current.mutate({ title: "Call mom", dueDate: today() }));
    await waitFor(() => expect(ids()).toHaveLength(2));
    const saved = task({ id: 9, title: "Call mom" });
    const page = queryClient.getQueryData<TaskPage>(taskKeys.list("today"))!;
    queryClient.setQueryData<TaskPage>(taskKeys.list("today"), { ...page, tasks: [...page.tasks, saved] });

    answer(new Response(JSON.stringify({ task: saved }), { status: 201, headers: { "Content-Type": "application/json" } }));
    await waitFor(() => expect(ids()).toEqual([1, 9]));
  });

  it("adds the task only to the lists it belongs to", async () => {
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>(() => {})));
    const { wrapper, titles } = setup([task({})]);
    const { result } = renderHook(() => useCreateTask(), { wrapper });
    act(() => result.current.mutate({ title: "Someday", dueDate: undefined }));
    await waitFor(() => expect(result.current.isPending).toBe(true));
    expect(titles()).toEqual(["Buy milk"]);
  });
});

describe("useUpdateTask", () => {
  it("completes at once, announces it, and rolls back on error", async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn((_url: string, init?: RequestInit) => (init?.method === "PATCH" ? new Promise<Response>((resolve) => (answer = resolve)) : new Promise<Response>(() => {}))));
    const { wrapper, queryClient } = setup([task({})]);
    const status = () => queryClient.getQueryData<TaskPage>(taskKeys.list("today"))?.tasks[0].status;
    const { result } = renderHook(() => useUpdateTask(), { wrapper });

    act(() => result.current.mutate({ id: 1, changes: { status: "done" }, title: "Buy milk" }));
    await waitFor(() => expect(status()).toBe("done"));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("Task completed: Buy milk"));

    answer(refuse("Task not found"));
    await waitFor(() => expect(status()).toBe("pending"));
  });
});

describe("applyChanges", () => {
  const scheduled = task({ dueTime: "08:30", reminderMinutesBefore: 15, remindAt: "2026-11-22T08:15:00Z", recurrence: "FREQ=DAILY" });

  it("clears the time, reminder and repeat with the due date, as the server does", () => {
    expect(applyChanges(scheduled, { dueDate: null })).toMatchObject({ dueDate: null, dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null });
  });

  it("forgets when the reminder fires once its moment changes, and keeps it otherwise", () => {
    expect(applyChanges(scheduled, { dueTime: "09:00" }).remindAt).toBeNull();
    expect(applyChanges(scheduled, { title: "Buy oat milk" }).remindAt).toBe("2026-11-22T08:15:00Z");
  });
});

describe("the toast region", () => {
  it("is rendered once by the provider", () => {
    render(<NoticesProvider><p>app</p></NoticesProvider>);
    expect(screen.getByRole("region", { name: "Notifications" })).toBeTruthy();
  });
});

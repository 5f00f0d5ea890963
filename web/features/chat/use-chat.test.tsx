import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticesProvider } from "@/components/ui/toast";
import { taskKeys } from "@/features/tasks/use-tasks";
import { eventStream, problem } from "@/lib/test-stream";
import type { Conversation } from "./types";
import { chatKeys, useChat } from "./use-chat";

afterEach(cleanup);

const groceries = { id: 7, title: "Buy groceries", status: "pending", priority: "medium", due_date: "2026-11-23", tags: [] };

function setup(conversationId: string | null = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(taskKeys.list("today"), { tasks: [], total: 0, page: 1, limit: 100 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>{children}</NoticesProvider>
    </QueryClientProvider>
  );
  const onStarted = vi.fn();
  const hook = renderHook(() => useChat(conversationId, onStarted), { wrapper });
  return { queryClient, onStarted, hook };
}

function sentBodies(fetch: ReturnType<typeof vi.fn>) {
  return fetch.mock.calls.map(([, init]) => JSON.parse(String((init as RequestInit).body)));
}

describe("useChat", () => {
  it("streams a reply: starts the conversation, adds tool calls, accumulates text, then keeps the exchange", async () => {
    const stream = eventStream();
    const fetch = vi.fn().mockResolvedValue(stream.response);
    vi.stubGlobal("fetch", fetch);
    const { hook, onStarted, queryClient } = setup();

    act(() => void hook.result.current.send("Remind me to buy groceries tomorrow"));
    await waitFor(() => expect(hook.result.current.streaming).toBe(true));
    expect(fetch.mock.calls[0][0]).toBe("/api/v1/chat");
    expect(new Headers((fetch.mock.calls[0][1] as RequestInit).headers).get("Accept")).toBe("text/event-stream");
    expect(sentBodies(fetch)[0]).toMatchObject({ message: "Remind me to buy groceries tomorrow", timezone: expect.any(String) });
    expect(sentBodies(fetch)[0]).not.toHaveProperty("conversationId");

    stream.frame("start", { conversationId: "c1" });
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith("c1"));

    stream.frame("tool_call", { id: "t1", name: "create_task", arguments: { title: "Buy groceries" }, result: { task: groceries }, error: false });
    await waitFor(() => expect(hook.result.current.turn?.toolCalls).toHaveLength(1));
    expect(queryClient.getQueryState(taskKeys.list("today"))?.isInvalidated).toBe(true);

    stream.send('event: delta\ndata: {"text":"Added "}\n\nevent: delta\ndata: {"text":"\\"Buy gro');
    stream.send('ceries\\" for tomorrow."}\n\n');
    await waitFor(() => expect(hook.result.current.turn?.reply).toBe('Added "Buy groceries" for tomorrow.'));

    stream.frame("done", { conversationId: "c1", messageId: "m2" });
    stream.close();
    await waitFor(() => expect(hook.result.current.turn).toBeNull());
    const conversation = queryClient.getQueryData<Conversation>(chatKeys.conversation("c1"));
    expect(conversation?.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "Remind me to buy groceries tomorrow"],
      ["assistant", 'Added "Buy groceries" for tomorrow.'],
    ]);
    expect(conversation?.messages[1]).toMatchObject({ id: "m2", toolCalls: [{ name: "create_task" }] });
    expect(hook.result.current.streaming).toBe(false);
  });

  it("does not reload the tasks for a tool call that failed or only read", async () => {
    const stream = eventStream();
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(stream.response));
    const { hook, queryClient } = setup("c1");
    act(() => void hook.result.current.send("done with task 99"));
    stream.frame("tool_call", { id: "t1", name: "complete_task", arguments: { id: 99 }, result: "Task 99 not found", error: true });
    stream.frame("tool_call", { id: "t2", name: "list_tasks", arguments: {}, result: { tasks: [], total: 0 }, error: false });
    await waitFor(() => expect(hook.result.current.turn?.toolCalls).toHaveLength(2));
    expect(queryClient.getQueryState(taskKeys.list("today"))?.isInvalidated).toBe(false);
  });

  it("shows an error event with Retry, which sends the message again in the same conversation", async () => {
    const first = eventStream();
    const second = eventStream();
    const fetch = vi.fn().mockResolvedValueOnce(first.response).mockResolvedValueOnce(second.response);
    vi.stubGlobal("fetch", fetch);
    const { hook } = setup();

    act(() => void hook.result.current.send("show my tasks"));
    first.frame("start", { conversationId: "c9" });
    first.frame("delta", { text: "Here are" });
    first.frame("error", { message: "The assistant is unavailable right now." });
    first.close();
    await waitFor(() => expect(hook.result.current.turn?.status).toBe("failed"));
    expect(hook.result.current.turn).toMatchObject({ reply: "Here are", error: { message: "The assistant is unavailable right now.", canRetry: true } });

    act(() => hook.result.current.retry());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(sentBodies(fetch)[1]).toMatchObject({ message: "show my tasks", conversationId: "c9" });
    await waitFor(() => expect(hook.result.current.turn).toMatchObject({ status: "streaming", reply: "" }));
  });

  it("says how long to wait when rate limited, and when the stream is cut off", async () => {
    const cut = eventStream();
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(problem(429, "Too many requests", { "Retry-After": "30" })).mockResolvedValueOnce(cut.response));
    const { hook } = setup("c1");

    act(() => void hook.result.current.send("hello"));
    await waitFor(() => expect(hook.result.current.turn?.error?.message).toBe("You are sending messages too quickly. Wait 30 seconds, then retry."));

    act(() => hook.result.current.retry());
    cut.frame("delta", { text: "Hel" });
    cut.close();
    await waitFor(() => expect(hook.result.current.turn?.error?.message).toBe("The reply stopped before it was complete."));
  });

  it("cannot retry a message the server refused as invalid", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(problem(400, "Message must be at most 2000 characters")));
    const { hook } = setup();
    act(() => void hook.result.current.send("x"));
    await waitFor(() => expect(hook.result.current.turn?.error).toEqual({ message: "Message must be at most 2000 characters", canRetry: false }));
  });
});

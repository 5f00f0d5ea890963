import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticesProvider } from "@/components/ui/toast";
import { ChatView } from "./chat-view";
import { eventStream } from "@/lib/test-stream";

const router = { replace: vi.fn(), push: vi.fn() };
let search = new URLSearchParams();
vi.mock("next/navigation", () => ({ useRouter: () => router, useSearchParams: () => search }));

afterEach(() => {
  cleanup();
  search = new URLSearchParams();
});

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
}

function renderChat() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>
        <ChatView />
      </NoticesProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe("ChatView", () => {
  it("sends with Enter (Shift+Enter is a new line), streams the reply into a polite log, keeps focus in the box", async () => {
    const stream = eventStream();
    const fetch = vi.fn((url: string) => (String(url).endsWith("/chat") ? Promise.resolve(stream.response) : Promise.resolve(json({ conversations: [] }))));
    vi.stubGlobal("fetch", fetch);
    const user = renderChat();

    expect(screen.getByRole("button", { name: "Remind me to buy groceries tomorrow" })).toBeTruthy();
    const box = screen.getByRole("textbox", { name: "Message" });
    await user.type(box, "Remind me to buy groceries{Shift>}{Enter}{/Shift}tomorrow");
    expect((box as HTMLTextAreaElement).value).toBe("Remind me to buy groceries\ntomorrow");
    await user.keyboard("{Enter}");

    const log = screen.getByRole("log", { name: "Messages" });
    expect(log.getAttribute("aria-live")).toBe("polite");
    const pending = await screen.findByTestId("reply-in-progress");
    expect(pending.getAttribute("aria-busy")).toBe("true");
    expect(within(pending).getByText("Remind me to buy groceries tomorrow", { exact: false })).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe("");
    expect(box.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("button", { name: "Send" })).toHaveProperty("disabled", true);
    expect(document.activeElement).toBe(box);
    expect(screen.queryByRole("button", { name: "I bought the groceries" })).toBeNull();

    stream.frame("start", { conversationId: "c1" });
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/chat?c=c1", { scroll: false }));
    stream.frame("tool_call", {
      id: "t1", name: "create_task", arguments: {}, error: false,
      result: { task: { id: 1, title: "Buy groceries", status: "pending", priority: "medium", due_date: null } },
    });
    stream.frame("delta", { text: "Added " });
    stream.frame("delta", { text: "Buy groceries." });
    // The reply streams outside the live log: screen readers are not read every piece.
    await within(pending).findByText("Added Buy groceries.");
    expect(within(pending).getByRole("link", { name: "Buy groceries" }).getAttribute("href")).toBe("/all?q=Buy+groceries");
    expect(log.textContent).toBe("");

    stream.frame("done", { conversationId: "c1", messageId: "m1" });
    stream.close();
    // Complete, the exchange joins the log in one piece.
    await within(log).findByText("Added Buy groceries.");
    expect(screen.queryByTestId("reply-in-progress")).toBeNull();
    expect(within(log).getByText("Remind me to buy groceries tomorrow", { exact: false })).toBeTruthy();
    expect(within(log).getByTestId("tool-call").textContent).toContain("Created task");
    expect(box.getAttribute("aria-disabled")).toBeNull();
    expect(document.activeElement).toBe(box);
  });

  it("loads the conversation named in the URL", async () => {
    search = new URLSearchParams("c=c7");
    vi.stubGlobal("fetch", vi.fn((url: string) => Promise.resolve(String(url).endsWith("/conversations/c7")
      ? json({
          id: "c7", title: "show my tasks", createdAt: "", updatedAt: "",
          messages: [
            { id: "m1", role: "user", content: "show my tasks", toolCalls: [], createdAt: "" },
            { id: "m2", role: "assistant", content: "You have 2 tasks.", toolCalls: [{ id: "t", name: "list_tasks", arguments: {}, result: { tasks: [], total: 2 }, error: false }], createdAt: "" },
          ],
        })
      : json({ conversations: [{ id: "c7", title: "show my tasks", createdAt: "", updatedAt: new Date().toISOString() }] }))));
    renderChat();
    const log = screen.getByRole("log", { name: "Messages" });
    await within(log).findByText("You have 2 tasks.");
    expect(within(log).getByTestId("tool-call").textContent).toContain("Listed 2 tasks");
    expect(screen.queryByRole("button", { name: "What do I need to do today?" })).toBeNull();
    expect(screen.getByRole("button", { name: "Delete conversation" })).toBeTruthy();
  });
});

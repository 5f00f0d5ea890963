import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticesProvider } from "@/components/ui/toast";
import type { ReminderEvent } from "@/features/events/task-events";
import { EditTaskProvider } from "@/features/tasks/edit-task";
import { dueText, reminderMessage, useShowReminder } from "./reminders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const now = new Date(2026, 11, 7, 14, 0);

const reminder: ReminderEvent = { id: "r1", taskId: 5, userId: "u", title: "Pay rent", dueAt: at(2026, 12, 7, 14, 30), remindAt: at(2026, 12, 7, 14, 15) };

describe("reminderMessage", () => {
  it("names the task and when it is due, in the browser's time", () => {
    expect(reminderMessage(reminder, now)).toBe("⏰ Pay rent — due 2:30 PM");
  });

  it.each([
    [at(2026, 12, 8, 9, 0), "tomorrow 9:00 AM"],
    [at(2026, 12, 6, 18, 5), "yesterday 6:05 PM"],
    [at(2026, 12, 24, 9, 0), "Dec 24, 9:00 AM"],
  ])("reads %s as %s", (dueAt, text) => {
    expect(dueText(dueAt, now)).toBe(text);
  });
});

describe("useShowReminder", () => {
  function setup() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <NoticesProvider>
          <EditTaskProvider>{children}</EditTaskProvider>
        </NoticesProvider>
      </QueryClientProvider>
    );
    return renderHook(() => useShowReminder(), { wrapper });
  }

  it("shows one toast per reminder, even delivered twice, with Open and Mark done; Mark done completes the task", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ task: {} }), { status: 200, headers: { "Content-Type": "application/json" } }));
    vi.stubGlobal("fetch", fetch);
    const { result } = setup();
    act(() => {
      result.current(reminder);
      result.current(reminder);
    });
    const toasts = screen.getAllByText(/⏰ Pay rent — due/);
    expect(toasts).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Open" })).toBeTruthy();

    await userEvent.setup().click(screen.getByRole("button", { name: "Mark done" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledWith("/api/v1/tasks/5", expect.objectContaining({ method: "PATCH", body: JSON.stringify({ status: "done" }) })));
    expect(screen.queryByText(/⏰ Pay rent/)).toBeNull();
  });

  it("also shows a system notification when the browser allows it", () => {
    const shown: Array<{ title: string; options: NotificationOptions }> = [];
    class FakeNotification {
      static permission = "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions) {
        shown.push({ title, options });
      }
      close() {}
    }
    vi.stubGlobal("Notification", FakeNotification);
    const { result } = setup();
    act(() => result.current(reminder));
    expect(shown).toEqual([{ title: "⏰ Pay rent", options: expect.objectContaining({ tag: "reminder-r1", body: expect.stringMatching(/^Due /) }) }]);
    expect(screen.getByText(/⏰ Pay rent — due/)).toBeTruthy();
  });

  it("opens the task's form from Open", async () => {
    const task = {
      id: 5, userId: "u", title: "Pay rent", description: null, status: "pending", priority: "high", dueDate: "2026-12-07", dueTime: "14:30",
      reminderMinutesBefore: 15, remindAt: null, recurrence: "FREQ=MONTHLY;BYMONTHDAY=7", recurFrom: "due", tags: [], position: 1, createdAt: "", updatedAt: "", completedAt: null,
    };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ task }), { status: 200, headers: { "Content-Type": "application/json" } })));
    // jsdom has no <dialog> methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.open = true; };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.open = false; };
    const { result } = setup();
    act(() => result.current(reminder));
    await userEvent.setup().click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByRole("heading", { name: "Edit task" })).toBeTruthy();
    expect(await screen.findByDisplayValue("Pay rent")).toBeTruthy();
  });
});


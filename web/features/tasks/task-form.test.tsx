import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskForm } from "./task-form";
import type { Task } from "./types";

afterEach(cleanup);

const task = (changes: Partial<Task>): Task => ({
  id: 7, userId: "u", title: "Water plants", description: null, status: "pending", priority: "medium", dueDate: "2026-12-09",
  dueTime: "18:00", reminderMinutesBefore: 15, remindAt: "2026-12-09T17:45:00Z", recurrence: "FREQ=WEEKLY;BYDAY=WE", recurFrom: "due",
  tags: ["home"], position: 1, createdAt: "", updatedAt: "", completedAt: null, ...changes,
});

function renderNew(defaultDueDate = "") {
  const onSubmit = vi.fn();
  render(<TaskForm defaultDueDate={defaultDueDate} onSubmit={onSubmit} onCancel={() => {}} />);
  return { onSubmit, user: userEvent.setup() };
}

function renderEdit(existing: Task) {
  const onSubmit = vi.fn();
  render(<TaskForm task={existing} onSubmit={onSubmit} onCancel={() => {}} />);
  return { onSubmit, user: userEvent.setup() };
}

// Date and time inputs take a whole value at once, as a browser's picker gives it.
const setValue = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("TaskForm (new task)", () => {
  it("sends the due time, reminder and weekly repeat as the contract's fields", async () => {
    const { onSubmit, user } = renderNew("2026-12-07");
    await user.type(screen.getByLabelText("Title"), "Gym");
    setValue("Due time", "07:30");
    await user.selectOptions(screen.getByLabelText("Reminder"), "15 minutes before");
    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Weekly on…");
    // Weekly starts on the due date's weekday (Monday, Dec 7th 2026); add Thursday.
    expect(screen.getByRole("checkbox", { name: "Mon" })).toHaveProperty("checked", true);
    await user.click(screen.getByRole("checkbox", { name: "Thu" }));
    await user.click(screen.getByRole("radio", { name: "When I complete it" }));
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(onSubmit).toHaveBeenCalledWith({
      title: "Gym",
      priority: "medium",
      tags: [],
      dueDate: "2026-12-07",
      dueTime: "07:30",
      reminderMinutesBefore: 15,
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TH",
      recurFrom: "completion",
    });
  });

  it("sends an at-due-time reminder as 0 minutes and leaves out what is not set", async () => {
    const { onSubmit, user } = renderNew("2026-12-07");
    await user.type(screen.getByLabelText("Title"), "Call the bank");
    await user.selectOptions(screen.getByLabelText("Reminder"), "At due time");
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(onSubmit).toHaveBeenCalledWith({ title: "Call the bank", priority: "medium", tags: [], dueDate: "2026-12-07", reminderMinutesBefore: 0 });
  });

  it("builds monthly and custom rules", async () => {
    const { onSubmit, user } = renderNew("2026-12-07");
    await user.type(screen.getByLabelText("Title"), "Pay rent");
    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Monthly on day…");
    expect(screen.getByLabelText("Day of the month")).toHaveProperty("value", "7");
    await user.clear(screen.getByLabelText("Day of the month"));
    await user.type(screen.getByLabelText("Day of the month"), "31");
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ recurrence: "FREQ=MONTHLY;BYMONTHDAY=31", recurFrom: "due" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Custom…");
    await user.clear(screen.getByLabelText("Every"));
    await user.type(screen.getByLabelText("Every"), "10");
    await user.selectOptions(screen.getByLabelText("Unit"), "days");
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ recurrence: "FREQ=DAILY;INTERVAL=10" }));
  });

  it("keeps the time, reminder and repeat disabled until there is a due date", async () => {
    renderNew("");
    expect(screen.getByLabelText("Due time")).toHaveProperty("disabled", true);
    expect(screen.getByLabelText("Reminder")).toHaveProperty("disabled", true);
    expect(screen.getByRole("combobox", { name: "Repeat" })).toHaveProperty("disabled", true);
    setValue("Due date", "2026-12-07");
    expect(screen.getByLabelText("Due time")).toHaveProperty("disabled", false);
    expect(screen.getByLabelText("Reminder")).toHaveProperty("disabled", false);
  });

  it("says to pick a due date first when the date is cleared under a time, reminder and repeat, and sends nothing", async () => {
    const { onSubmit, user } = renderNew("2026-12-07");
    await user.type(screen.getByLabelText("Title"), "Gym");
    setValue("Due time", "07:30");
    await user.selectOptions(screen.getByLabelText("Reminder"), "1 hour before");
    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Daily");
    setValue("Due date", "");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await screen.findAllByText("Pick a due date first")).toHaveLength(3);
    expect(screen.getByLabelText("Due time")).toHaveProperty("disabled", false);
    expect(screen.getByLabelText("Due time").getAttribute("aria-invalid")).toBe("true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("asks for at least one weekday and a sensible interval", async () => {
    const { onSubmit, user } = renderNew("2026-12-07");
    await user.type(screen.getByLabelText("Title"), "Gym");
    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Weekly on…");
    await user.click(screen.getByRole("checkbox", { name: "Mon" }));
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(await screen.findByText("Pick at least one day of the week")).toBeTruthy();

    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Custom…");
    await user.clear(screen.getByLabelText("Every"));
    await user.type(screen.getByLabelText("Every"), "0");
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(await screen.findByText("Repeat every 1 to 365 weeks")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("asks for notification permission when a reminder is first chosen, not before", async () => {
    const requestPermission = vi.fn(async () => "granted" as NotificationPermission);
    vi.stubGlobal("Notification", Object.assign(function Notification() {}, { permission: "default", requestPermission }));
    try {
      const { user } = renderNew("2026-12-07");
      expect(requestPermission).not.toHaveBeenCalled();
      await user.selectOptions(screen.getByLabelText("Reminder"), "5 minutes before");
      expect(requestPermission).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("TaskForm (edit)", () => {
  it("shows the task's time, reminder and repeat", () => {
    renderEdit(task({}));
    expect(screen.getByLabelText("Due time")).toHaveProperty("value", "18:00");
    expect(screen.getByLabelText("Reminder")).toHaveProperty("value", "15");
    expect(screen.getByRole("combobox", { name: "Repeat" })).toHaveProperty("value", "weekly");
    expect(screen.getByRole("checkbox", { name: "Wed" })).toHaveProperty("checked", true);
    expect(screen.getByRole("radio", { name: "The due date" })).toHaveProperty("checked", true);
  });

  it("sends only what changed", async () => {
    const { onSubmit, user } = renderEdit(task({}));
    await user.selectOptions(screen.getByLabelText("Reminder"), "1 day before");
    await user.click(screen.getByRole("radio", { name: "When I complete it" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledWith({ reminderMinutesBefore: 1440, recurFrom: "completion" });
  });

  it("clears the reminder and repeat with null", async () => {
    const { onSubmit, user } = renderEdit(task({}));
    await user.selectOptions(screen.getByLabelText("Reminder"), "None");
    await user.selectOptions(screen.getByRole("combobox", { name: "Repeat" }), "Does not repeat");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledWith({ reminderMinutesBefore: null, recurrence: null });
  });

  it("keeps a rule and a reminder the picker has no choice for", async () => {
    const { onSubmit, user } = renderEdit(task({ recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", reminderMinutesBefore: 45 }));
    expect(screen.getByRole("combobox", { name: "Repeat" })).toHaveProperty("value", "other");
    expect(screen.getByRole("option", { name: "Every 2 weeks on Mon, Fri" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "45 minutes before" })).toHaveProperty("selected", true);
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Water the plants");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledWith({ title: "Water the plants" });
  });
});

describe("TaskForm reminder hint", () => {
  it("says reminders show in the app when browser notifications are off", async () => {
    vi.stubGlobal("Notification", Object.assign(function Notification() {}, { permission: "denied", requestPermission: vi.fn() }));
    try {
      const { user } = renderNew("2026-12-07");
      expect(screen.getByText("Without a due time, reminders count from 9:00")).toBeTruthy();
      await user.selectOptions(screen.getByLabelText("Reminder"), "At due time");
      expect(screen.getByText("Browser notifications are off — reminders will show here in the app")).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

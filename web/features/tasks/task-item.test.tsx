import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TaskItem } from "./task-item";
import type { Task } from "./types";

afterEach(cleanup);

const task = (changes: Partial<Task>): Task => ({
  id: 7, userId: "u", title: "Water plants", description: null, status: "pending", priority: "medium", dueDate: "2026-12-07",
  dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null, recurFrom: "due",
  tags: [], position: 1, createdAt: "", updatedAt: "", completedAt: null, ...changes,
});

const show = (t: Task) =>
  render(
    <ul>
      <TaskItem task={t} todayIso="2026-12-07" onChange={() => {}} onDelete={() => {}} onEdit={() => {}} />
    </ul>,
  );

describe("TaskItem", () => {
  it("shows the due time next to the due date, a bell for the reminder and ↻ with the repeat's description", () => {
    show(task({ dueTime: "14:30", reminderMinutesBefore: 15, recurrence: "FREQ=WEEKLY;INTERVAL=2", recurFrom: "completion" }));
    expect(screen.getByText("Due today").textContent).toBe("Due today at 2:30 PM");
    expect(screen.getByRole("img", { name: "Reminder: 15 minutes before" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Every 2 weeks after completion" }).getAttribute("title")).toBe("Every 2 weeks after completion");
  });

  it("shows no marks for a task without time, reminder or repeat", () => {
    show(task({}));
    expect(screen.getByText("Due today").textContent).toBe("Due today");
    expect(screen.queryByTestId("reminder-mark")).toBeNull();
    expect(screen.queryByTestId("repeat-mark")).toBeNull();
  });
});

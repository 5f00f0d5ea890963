import { describe, expect, it } from "vitest";
import { belongsTo } from "./matches";
import type { Task } from "./types";

const today = "2026-11-22";
const task = (changes: Partial<Task>): Task => ({
  id: 1, userId: "u", title: "Buy milk", description: null, status: "pending", priority: "medium", dueDate: null,
  dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null, recurFrom: "due",
  tags: [], position: 1, createdAt: "", updatedAt: "", completedAt: null, ...changes,
});

describe("belongsTo", () => {
  it("puts due-today and overdue open tasks in Today", () => {
    expect(belongsTo(task({ dueDate: today }), "today", {}, today)).toBe(true);
    expect(belongsTo(task({ dueDate: "2026-11-01" }), "today", {}, today)).toBe(true);
    expect(belongsTo(task({ dueDate: today, status: "done" }), "today", {}, today)).toBe(false);
    expect(belongsTo(task({ dueDate: "2026-11-23" }), "today", {}, today)).toBe(false);
  });

  it("puts the next seven days, not today, in Upcoming", () => {
    expect(belongsTo(task({ dueDate: "2026-11-23" }), "upcoming", {}, today)).toBe(true);
    expect(belongsTo(task({ dueDate: "2026-11-29" }), "upcoming", {}, today)).toBe(true);
    expect(belongsTo(task({ dueDate: "2026-11-30" }), "upcoming", {}, today)).toBe(false);
    expect(belongsTo(task({ dueDate: today }), "upcoming", {}, today)).toBe(false);
  });

  it("applies the All view's filters like the server", () => {
    const tagged = task({ tags: ["work"], priority: "high", description: "Semi-skimmed" });
    expect(belongsTo(tagged, "all", { tag: "work", priority: "high", q: "SKIMMED" }, today)).toBe(true);
    expect(belongsTo(tagged, "all", { tag: "home" }, today)).toBe(false);
    expect(belongsTo(tagged, "all", { status: "done" }, today)).toBe(false);
    expect(belongsTo(tagged, "all", { status: "all" }, today)).toBe(true);
  });
});

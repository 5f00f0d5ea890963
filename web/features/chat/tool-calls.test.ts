import { describe, expect, it } from "vitest";
import { changesTasks, summarizeToolCall, toolCallText } from "./tool-calls";
import type { ToolCall } from "./types";

const TODAY = "2026-11-22";

function call(name: string, result: unknown, error = false): ToolCall {
  return { id: `call-${name}`, name, arguments: {}, result, error };
}

const groceries = { id: 7, title: "Buy groceries", description: null, status: "pending", priority: "medium", due_date: "2026-11-23", tags: [] };

function text(toolCall: ToolCall): string {
  return toolCallText(summarizeToolCall(toolCall, TODAY));
}

describe("tool-call cards", () => {
  it("names each task tool's action, the task and its due date", () => {
    expect(text(call("create_task", { task: groceries }))).toBe("Created task · Buy groceries · due tomorrow");
    expect(text(call("update_task", { task: { ...groceries, priority: "high", due_date: "2026-11-22" } }))).toBe("Updated task · Buy groceries · due today · high priority");
    expect(text(call("complete_task", { task: { ...groceries, status: "done" } }))).toBe("Completed task · Buy groceries");
    expect(text(call("complete_task", { task: { ...groceries, status: "pending" } }))).toBe("Reopened task · Buy groceries · due tomorrow");
    expect(text(call("delete_task", { task: groceries, deleted: true }))).toBe("Deleted task · Buy groceries");
    expect(text(call("get_task", { task: groceries }))).toBe("Looked up task · Buy groceries · due tomorrow");
  });

  it("counts what list and search found", () => {
    expect(text(call("list_tasks", { tasks: [groceries, groceries, groceries, groceries], total: 4 }))).toBe("Listed 4 tasks");
    expect(text(call("list_tasks", { tasks: [groceries], total: 1 }))).toBe("Listed 1 task");
    expect(text(call("search_tasks", { tasks: [groceries], total: 1 }))).toBe("Found 1 task");
    expect(text(call("list_tasks", { tasks: [], total: 0 }))).toBe("No tasks found");
  });

  it("links a created, changed or completed task to All Tasks searched by its title; not a deleted one", () => {
    expect(summarizeToolCall(call("create_task", { task: groceries }), TODAY).href).toBe("/all?q=Buy+groceries");
    expect(summarizeToolCall(call("complete_task", { task: { ...groceries, status: "done" } }), TODAY).href).toBe("/all?q=Buy+groceries");
    expect(summarizeToolCall(call("delete_task", { task: groceries, deleted: true }), TODAY).href).toBeUndefined();
  });

  it("shows a failed tool as a warning with the server's message", () => {
    const summary = summarizeToolCall(call("complete_task", "Task 99 not found", true), TODAY);
    expect(summary.tone).toBe("warning");
    expect(toolCallText(summary)).toBe("Could not complete the task · Task 99 not found");
    expect(text(call("rename_everything", "Unknown tool", true))).toBe("Could not rename everything · Unknown tool");
  });

  it("reads camelCase tasks too, and names unknown tools", () => {
    expect(text(call("create_task", { task: { title: "Call mom", dueDate: "2026-11-21", status: "pending" } }))).toBe("Created task · Call mom · overdue by 1 day");
    expect(text(call("get_weather", { ok: true }))).toBe("Used get weather");
  });

  it("says which calls change tasks", () => {
    expect(changesTasks(call("create_task", { task: groceries }))).toBe(true);
    expect(changesTasks(call("delete_task", { task: groceries, deleted: true }))).toBe(true);
    expect(changesTasks(call("create_task", "Title is required", true))).toBe(false);
    expect(changesTasks(call("list_tasks", { tasks: [], total: 0 }))).toBe(false);
  });
});

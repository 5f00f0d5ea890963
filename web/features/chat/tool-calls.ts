import { dueLabel, today } from "@/features/tasks/due";
import type { ToolCall } from "./types";

/** The tools whose success changes the user's tasks, so the task lists must be loaded again. */
export const TASK_CHANGING_TOOLS = new Set(["create_task", "update_task", "complete_task", "delete_task"]);

export function changesTasks(call: ToolCall): boolean {
  return TASK_CHANGING_TOOLS.has(call.name) && !call.error;
}

/** What a tool-call card shows: "Created task · Buy groceries · due tomorrow", with a link to the task. */
export type ToolCallSummary = {
  tone: "success" | "warning";
  action: string;
  /** The task's title, shown as a link when there is `href`. */
  title?: string;
  href?: string;
  details: string[];
};

/** A task as a tool returns it (field names in snake_case, or camelCase like the REST API). */
type ToolTask = { title?: string; status?: string; priority?: string; due_date?: string | null; dueDate?: string | null };

function taskOf(value: unknown): ToolTask | null {
  if (value && typeof value === "object" && "task" in value) {
    const task = (value as { task: unknown }).task;
    if (task && typeof task === "object") return task as ToolTask;
  }
  return null;
}

function countOf(value: unknown): number | null {
  if (!value || typeof value !== "object") return null;
  const { total, tasks } = value as { total?: unknown; tasks?: unknown };
  if (typeof total === "number") return total;
  return Array.isArray(tasks) ? tasks.length : null;
}

function tasks(count: number): string {
  return `${count} ${count === 1 ? "task" : "tasks"}`;
}

function taskDetails(task: ToolTask, todayIso: string): string[] {
  const details: string[] = [];
  const due = task.due_date ?? task.dueDate;
  if (due && task.status !== "done") {
    const text = dueLabel(due, todayIso).text;
    details.push(text.charAt(0).toLowerCase() + text.slice(1));
  }
  if (task.priority === "high") details.push("high priority");
  return details;
}

const ACTIONS: Record<string, { done: string; failed: string }> = {
  create_task: { done: "Created task", failed: "Could not create the task" },
  update_task: { done: "Updated task", failed: "Could not update the task" },
  complete_task: { done: "Completed task", failed: "Could not complete the task" },
  delete_task: { done: "Deleted task", failed: "Could not delete the task" },
  get_task: { done: "Looked up task", failed: "Could not find the task" },
  list_tasks: { done: "Listed", failed: "Could not list the tasks" },
  search_tasks: { done: "Searched", failed: "Could not search the tasks" },
};

function failedAction(name: string): string {
  return ACTIONS[name]?.failed ?? `Could not ${name.replace(/_/g, " ")}`;
}

/** Turns one tool call of the assistant into the words and link of its card. */
export function summarizeToolCall(call: ToolCall, todayIso: string = today()): ToolCallSummary {
  if (call.error) {
    const reason = typeof call.result === "string" ? call.result : (call.result as { message?: string } | null)?.message;
    return { tone: "warning", action: failedAction(call.name), details: reason ? [reason] : [] };
  }

  if (call.name === "list_tasks" || call.name === "search_tasks") {
    const count = countOf(call.result);
    if (count === null) return { tone: "success", action: call.name === "list_tasks" ? "Listed tasks" : "Searched tasks", details: [] };
    if (count === 0) return { tone: "success", action: "No tasks found", details: [] };
    return { tone: "success", action: call.name === "list_tasks" ? `Listed ${tasks(count)}` : `Found ${tasks(count)}`, details: [] };
  }

  const task = taskOf(call.result);
  const action = ACTIONS[call.name]?.done ?? `Used ${call.name.replace(/_/g, " ")}`;
  if (!task) return { tone: "success", action, details: [] };
  const title = task.title;
  // A deleted task has nothing left to show; the others open in All Tasks, searched by title.
  const href = title && call.name !== "delete_task" ? `/all?${new URLSearchParams({ q: title })}` : undefined;
  const reopened = call.name === "complete_task" && task.status !== undefined && task.status !== "done";
  return {
    tone: "success",
    action: reopened ? "Reopened task" : action,
    title,
    href,
    details: call.name === "delete_task" ? [] : taskDetails(task, todayIso),
  };
}

/** The card as one line of text: "Created task · Buy groceries · due tomorrow". */
export function toolCallText(summary: ToolCallSummary): string {
  return [summary.action, summary.title, ...summary.details].filter(Boolean).join(" · ");
}

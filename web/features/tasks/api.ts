import { api, json } from "@/lib/api";
import type { TaskHistory } from "./activity";
import type { Task, TaskChanges, TaskFilters, TaskPage, View } from "./types";

/** The most tasks one page of the API holds. */
export const PAGE_LIMIT = 100;

export function taskQueryParams(view: View, filters: TaskFilters = {}): URLSearchParams {
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
  if (view === "all") {
    params.set("status", filters.status ?? "all");
    if (filters.priority) params.set("priority", filters.priority);
    if (filters.tag) params.set("tags", filters.tag);
    if (filters.q?.trim()) params.set("q", filters.q.trim());
    params.set("sort", filters.sort ?? "position");
  } else {
    params.set("view", view);
    params.set("sort", view === "completed" ? "-completed_at" : "position");
  }
  return params;
}

export function listTasks(view: View, filters: TaskFilters = {}, signal?: AbortSignal): Promise<TaskPage> {
  return api<TaskPage>(`/tasks?${taskQueryParams(view, filters)}`, { signal });
}

export async function getTask(id: number): Promise<Task> {
  return (await api<{ task: Task }>(`/tasks/${id}`)).task;
}

export async function createTask(input: TaskChanges & { title: string }): Promise<Task> {
  return (await api<{ task: Task }>("/tasks", { method: "POST", body: json(input) })).task;
}

export async function updateTask(id: number, changes: TaskChanges): Promise<Task> {
  return (await api<{ task: Task }>(`/tasks/${id}`, { method: "PATCH", body: json(changes) })).task;
}

export async function deleteTask(id: number, init: RequestInit = {}): Promise<void> {
  await api(`/tasks/${id}`, { ...init, method: "DELETE" });
}

/** Places task `id` right before or right after another task of the manual order. */
export async function moveTask(id: number, place: { before: number } | { after: number }): Promise<Task> {
  return (await api<{ task: Task }>(`/tasks/${id}/move`, { method: "POST", body: json(place) })).task;
}

/** What happened to task `id`, newest first (`GET /tasks/{id}/history`). */
export function getTaskHistory(id: number, signal?: AbortSignal): Promise<TaskHistory> {
  return api<TaskHistory>(`/tasks/${id}/history`, { signal });
}

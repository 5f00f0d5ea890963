import { addDays, today } from "./due";
import type { Task, TaskFilters, View } from "./types";

/** Whether `task` belongs in the list of `view` (with `filters`), as the server decides it. */
export function belongsTo(task: Task, view: View, filters: TaskFilters = {}, todayIso: string = today()): boolean {
  switch (view) {
    case "today":
      return task.status !== "done" && task.dueDate !== null && task.dueDate <= todayIso;
    case "upcoming":
      return task.status !== "done" && task.dueDate !== null && task.dueDate > todayIso && task.dueDate <= addDays(todayIso, 7);
    case "completed":
      return task.status === "done";
    case "all": {
      if (filters.status && filters.status !== "all" && task.status !== filters.status) return false;
      if (filters.priority && task.priority !== filters.priority) return false;
      if (filters.tag && !task.tags.includes(filters.tag)) return false;
      const q = filters.q?.trim().toLowerCase();
      if (q && !task.title.toLowerCase().includes(q) && !(task.description ?? "").toLowerCase().includes(q)) return false;
      return true;
    }
  }
}

"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { ViewHeader } from "./dashboard-shell";
import { dayHeading, today } from "./due";
import { useOpenNewTask } from "./new-task";
import { TaskList } from "./task-list";
import { useTasks } from "./use-tasks";
import { PRIORITIES, PRIORITY_LABELS, type Task, type TaskFilters, type TaskSort, type View } from "./types";

function EmptyState({ title, text, canAdd = true }: { title: string; text: string; canAdd?: boolean }) {
  const openNewTask = useOpenNewTask();
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-4 py-10 text-center">
      <p className="font-medium">{title}</p>
      <p className="text-sm text-muted">{text}</p>
      {canAdd && (
        <button type="button" className="btn btn-secondary mt-2" onClick={openNewTask}>
          Add a task
        </button>
      )}
    </div>
  );
}

/** Loading, error and empty states around whatever a view shows once its tasks are there. */
function TaskQueryState({ view, filters, empty, children }: { view: View; filters?: TaskFilters; empty: ReactNode; children: (tasks: Task[]) => ReactNode }) {
  const query = useTasks(view, filters);
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState message={`Could not load tasks: ${query.error.message}`} onRetry={() => void query.refetch()} />;
  if (query.tasks.length === 0) return <>{empty}</>;
  return <>{children(query.tasks)}</>;
}

export function TodayView() {
  const date = new Date().toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric" });
  return (
    <>
      <ViewHeader title="Today" subtitle={date} />
      <TaskQueryState view="today" empty={<EmptyState title="Nothing due today" text="Enjoy the free time, or plan something." />}>
        {(tasks) => <TaskList tasks={tasks} view="today" manualOrder label="Due today or overdue" />}
      </TaskQueryState>
    </>
  );
}

export function UpcomingView() {
  const todayIso = today();
  return (
    <>
      <ViewHeader title="Upcoming" subtitle="The next 7 days" />
      <TaskQueryState view="upcoming" empty={<EmptyState title="Nothing in the next 7 days" text="Tasks due this week show up here." />}>
        {(tasks) => {
          const days = [...new Set(tasks.map((t) => t.dueDate as string))].sort();
          return (
            <div className="flex flex-col gap-6">
              {days.map((day) => (
                <section key={day} aria-labelledby={`day-${day}`} className="flex flex-col gap-2">
                  <h2 id={`day-${day}`} className="text-sm font-semibold uppercase tracking-wide text-muted">
                    {dayHeading(day, todayIso)}
                  </h2>
                  <TaskList tasks={tasks.filter((t) => t.dueDate === day)} view="upcoming" manualOrder label={`Due ${dayHeading(day, todayIso)}`} />
                </section>
              ))}
            </div>
          );
        }}
      </TaskQueryState>
    </>
  );
}

export function CompletedView() {
  return (
    <>
      <ViewHeader title="Completed" />
      <TaskQueryState view="completed" empty={<EmptyState title="No completed tasks yet" text="Tasks you complete are kept here." canAdd={false} />}>
        {(tasks) => <TaskList tasks={tasks} view="completed" manualOrder={false} label="Completed tasks" />}
      </TaskQueryState>
    </>
  );
}

const SORTS: Array<{ value: TaskSort; label: string }> = [
  { value: "position", label: "My order" },
  { value: "due_date", label: "Due date" },
  { value: "priority", label: "Priority" },
  { value: "title", label: "Title" },
];

function filtersFrom(params: URLSearchParams): TaskFilters {
  const filters: TaskFilters = {};
  const status = params.get("status");
  if (status === "pending" || status === "in_progress" || status === "done") filters.status = status;
  const priority = params.get("priority");
  if (priority === "low" || priority === "medium" || priority === "high") filters.priority = priority;
  const tag = params.get("tag");
  if (tag) filters.tag = tag;
  const q = params.get("q");
  if (q) filters.q = q;
  const sort = params.get("sort");
  if (SORTS.some((s) => s.value === sort)) filters.sort = sort as TaskSort;
  return filters;
}

/** Every task, filtered by status, priority, tag and text, in the order the user picks (kept in the URL). */
export function AllView() {
  const params = useSearchParams();
  const router = useRouter();
  const filters = filtersFrom(new URLSearchParams(params.toString()));
  const [search, setSearch] = useState(filters.q ?? "");
  const id = useId();

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.replace(query ? `/all?${query}` : "/all", { scroll: false });
  };

  useEffect(() => {
    if ((filters.q ?? "") === search) return;
    const timer = setTimeout(() => set("q", search.trim()), 250);
    return () => clearTimeout(timer);
  });

  const filtered = Boolean(filters.status || filters.priority || filters.tag || filters.q);
  const selectClass = "input py-1.5 text-sm";

  return (
    <>
      <ViewHeader title="All Tasks" />
      <form role="search" aria-label="Filter tasks" className="grid grid-cols-2 gap-3 sm:grid-cols-5" onSubmit={(event) => event.preventDefault()}>
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor={`${id}-q`} className="text-xs font-medium">
            Search
          </label>
          <input id={`${id}-q`} type="search" className={selectClass} value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Title or description" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-status`} className="text-xs font-medium">
            Status
          </label>
          <select id={`${id}-status`} className={selectClass} value={filters.status ?? ""} onChange={(event) => set("status", event.target.value)}>
            <option value="">Any</option>
            <option value="pending">Pending</option>
            <option value="in_progress">In progress</option>
            <option value="done">Done</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-priority`} className="text-xs font-medium">
            Priority
          </label>
          <select id={`${id}-priority`} className={selectClass} value={filters.priority ?? ""} onChange={(event) => set("priority", event.target.value)}>
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-sort`} className="text-xs font-medium">
            Sort by
          </label>
          <select id={`${id}-sort`} className={selectClass} value={filters.sort ?? "position"} onChange={(event) => set("sort", event.target.value === "position" ? "" : event.target.value)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {filters.tag && (
        <p className="flex items-center gap-2 text-sm">
          Tagged <strong>#{filters.tag}</strong>
          <button type="button" className="btn btn-secondary py-0.5" onClick={() => set("tag", "")}>
            Clear tag filter
          </button>
        </p>
      )}
      <TaskQueryState
        view="all"
        filters={filters}
        empty={filtered ? <EmptyState title="No tasks match" text="Try other filters." canAdd={false} /> : <EmptyState title="No tasks yet" text="Add your first task to get started." />}
      >
        {(tasks) => <TaskList tasks={tasks} view="all" filters={filters} manualOrder={!filters.sort || filters.sort === "position"} label="Tasks" />}
      </TaskQueryState>
    </>
  );
}

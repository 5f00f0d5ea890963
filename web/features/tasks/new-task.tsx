"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { addDays, today } from "./due";
import { taskKeys, useCreateTask } from "./use-tasks";
import type { TaskPage } from "./types";

/** The task form, loaded when a dialog first opens it (React Hook Form + Zod are not needed by every view). */
export const LazyTaskForm = dynamic(() => import("./task-form").then((module) => module.TaskForm), {
  ssr: false,
  loading: () => <p role="status">Loading…</p>,
});

const NewTaskContext = createContext<() => void>(() => {});

/** Opens the new-task dialog (the Add Task button, the `n` shortcut). */
export function useOpenNewTask(): () => void {
  return useContext(NewTaskContext);
}

/** The first day after today with nothing due, among the days the Upcoming view has loaded. */
export function nextFreeDay(upcoming: TaskPage | undefined, todayIso: string = today()): string {
  const busy = new Set(upcoming?.tasks.map((t) => t.dueDate));
  for (let days = 1; days <= 7; days++) {
    const day = addDays(todayIso, days);
    if (!busy.has(day)) return day;
  }
  return addDays(todayIso, 1);
}

/** Holds the new-task dialog; the due date defaults to the view the user is on. */
export function NewTaskProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [defaultDueDate, setDefaultDueDate] = useState("");
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const create = useCreateTask();

  const openDialog = useCallback(() => {
    if (pathname.startsWith("/today")) setDefaultDueDate(today());
    else if (pathname.startsWith("/upcoming")) setDefaultDueDate(nextFreeDay(queryClient.getQueryData<TaskPage>(taskKeys.list("upcoming"))));
    else setDefaultDueDate("");
    setOpen(true);
  }, [pathname, queryClient]);

  // Fetch the form's code once the view is idle, so `n` opens a ready form.
  useEffect(() => {
    const preload = () => void import("./task-form");
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(preload);
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(preload, 1000);
    return () => clearTimeout(timer);
  }, []);

  const close = useCallback(() => setOpen(false), []);
  const value = useMemo(() => openDialog, [openDialog]);

  return (
    <NewTaskContext.Provider value={value}>
      {children}
      <Dialog open={open} onClose={close} title="New task">
        <LazyTaskForm
          defaultDueDate={defaultDueDate}
          onCancel={close}
          onSubmit={(task) => {
            create.mutate(task);
            close();
          }}
        />
      </Dialog>
    </NewTaskContext.Provider>
  );
}

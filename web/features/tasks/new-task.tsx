"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { addDays, today } from "./due";
import { TaskForm } from "./task-form";
import { taskKeys, useCreateTask } from "./use-tasks";
import type { TaskPage } from "./types";

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

  const close = useCallback(() => setOpen(false), []);
  const value = useMemo(() => openDialog, [openDialog]);

  return (
    <NewTaskContext.Provider value={value}>
      {children}
      <Dialog open={open} onClose={close} title="New task">
        <TaskForm
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

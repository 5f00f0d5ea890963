"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { useLogout, useSession } from "@/features/auth/use-session";
import { LiveUpdates } from "@/features/events/live-updates";
import { EditTaskProvider } from "./edit-task";
import { NewTaskProvider, useOpenNewTask } from "./new-task";
import { flushDeletes } from "./pending-deletes";
import { HelpDialog, useHelpDialog, useShortcuts } from "./shortcuts";

const VIEWS = [
  { href: "/today", label: "Today" },
  { href: "/upcoming", label: "Upcoming" },
  { href: "/all", label: "All Tasks" },
  { href: "/completed", label: "Completed" },
  { href: "/chat", label: "Assistant" },
  { href: "/settings", label: "Settings" },
];

/** The signed-in frame: header, view navigation, shortcuts, live updates and reminders; sends signed-out visitors to the login page. */
export function DashboardShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();

  useEffect(() => {
    if (session.isSuccess && session.data === null) router.replace("/login");
  }, [session.isSuccess, session.data, router]);

  if (!session.data) {
    return (
      <main className="flex min-h-screen items-center justify-center" aria-busy="true">
        <p className="text-muted">{session.isError ? "Cannot reach the server." : "Loading…"}</p>
      </main>
    );
  }

  return (
    <NewTaskProvider>
      <EditTaskProvider>
        <LiveUpdates userId={session.data.id} />
        <Frame userName={session.data.name || session.data.email}>{children}</Frame>
      </EditTaskProvider>
    </NewTaskProvider>
  );
}

function Frame({ userName, children }: { userName: string; children: ReactNode }) {
  const pathname = usePathname();
  const openNewTask = useOpenNewTask();
  const help = useHelpDialog();
  const logout = useLogout();
  useShortcuts({ onNewTask: openNewTask, onHelp: help.show });

  return (
    <div className="mx-auto flex min-h-screen max-w-3xl flex-col px-4 pb-24">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-bg focus:p-2">
        Skip to content
      </a>
      <header className="flex flex-wrap items-center justify-between gap-3 py-4">
        <p className="text-xl font-bold">Todo</p>
        <div className="flex items-center gap-2 text-sm">
          <span className="hidden text-muted sm:inline">{userName}</span>
          <button type="button" className="btn btn-secondary" onClick={help.show} aria-keyshortcuts="?">
            <span aria-hidden="true">?</span>
            <span className="sr-only">Keyboard shortcuts</span>
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={logout.isPending}
            onClick={async () => {
              await flushDeletes();
              logout.mutate();
            }}
          >
            Log out
          </button>
        </div>
      </header>
      {/* Six views do not fit one row on a phone: three columns there, one row from the sm breakpoint. */}
      <nav aria-label="Views">
        <ul className="grid grid-cols-3 border-b border-border sm:flex sm:gap-1">
          {VIEWS.map((view) => {
            const current = pathname.startsWith(view.href);
            return (
              <li key={view.href}>
                <Link
                  href={view.href}
                  aria-current={current ? "page" : undefined}
                  className={`block whitespace-nowrap border-b-2 px-3 py-2 text-center text-sm font-medium ${
                    current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"
                  }`}
                >
                  {view.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="flex flex-1 flex-col gap-4 py-4">
        {children}
      </main>
      <HelpDialog open={help.open} onClose={help.hide} />
    </div>
  );
}

/** The title row of a view with its Add Task button. */
export function ViewHeader({ title, subtitle }: { title: string; subtitle?: string }) {
  const openNewTask = useOpenNewTask();
  return (
    <div className="flex items-center justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {subtitle && <p className="text-sm text-muted">{subtitle}</p>}
      </div>
      <button type="button" className="btn btn-primary" onClick={openNewTask} aria-keyshortcuts="n">
        <span aria-hidden="true">+</span> Add Task
      </button>
    </div>
  );
}

"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type ToastAction = { label: string; onAction: () => void };

type Toast = {
  id: number;
  message: string;
  tone: "info" | "error";
  actions: ToastAction[];
  /** How long it shows; null: until dismissed (a reminder must not slip by unseen). */
  durationMs: number | null;
};

type ToastInput = { message: string; tone?: Toast["tone"]; action?: ToastAction; actions?: ToastAction[]; durationMs?: number | null };

type Notices = {
  /** Shows a toast; returns a function that dismisses it. */
  toast: (toast: ToastInput) => () => void;
  /** Says something to screen readers without showing it (created, completed, deleted...). */
  announce: (message: string) => void;
};

const NoticesContext = createContext<Notices | null>(null);

export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error("useNotices needs a <NoticesProvider>");
  return notices;
}

/** Toasts at the bottom of the screen and one polite live region for announcements. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const toast = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      const { action, actions = [], ...rest } = input;
      const item: Toast = { tone: "info", durationMs: 5000, ...rest, actions: action ? [action, ...actions] : actions, id };
      setToasts((all) => [...all, item]);
      const timer = item.durationMs === null ? undefined : setTimeout(() => dismiss(id), item.durationMs);
      return () => {
        clearTimeout(timer);
        dismiss(id);
      };
    },
    [dismiss],
  );

  const announce = useCallback((message: string) => {
    // Clearing first makes a repeated message ("Task completed" twice) be read again.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const value = useMemo(() => ({ toast, announce }), [toast, announce]);

  return (
    <NoticesContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" className="sr-only" data-testid="announcer">
        {announcement}
      </div>
      <section aria-label="Notifications" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            className={`pointer-events-auto flex w-full max-w-md items-center justify-between gap-4 rounded-lg px-4 py-3 text-sm shadow-lg ${
              t.tone === "error" ? "bg-danger-strong text-white" : "bg-toast text-toast-fg"
            }`}
          >
            <span>{t.message}</span>
            <span className="flex gap-2">
              {t.actions.map((action) => (
                <button
                  key={action.label}
                  type="button"
                  className="rounded px-2 py-1 font-semibold underline underline-offset-2 focus-visible:outline-2"
                  onClick={() => {
                    action.onAction();
                    dismiss(t.id);
                  }}
                >
                  {action.label}
                </button>
              ))}
              <button type="button" aria-label="Dismiss" className="rounded px-2 py-1" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </span>
          </div>
        ))}
      </section>
    </NoticesContext.Provider>
  );
}

"use client";

import { useCallback, useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";

export const SHORTCUTS: Array<{ keys: string; action: string }> = [
  { keys: "n", action: "New task" },
  { keys: "?", action: "Show keyboard shortcuts" },
  { keys: "Enter", action: "Save an edited title or description" },
  { keys: "Escape", action: "Cancel an edit or close a dialog" },
  { keys: "Tab / Shift+Tab", action: "Move between tasks and controls" },
  { keys: "Space", action: "Complete the focused task (on its checkbox)" },
];

// Keys typed into these are text, not shortcuts; a focused checkbox or button still takes `n`.
const NOT_TEXT = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

function typingIn(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/** Listens for `n` and `?` outside text fields and with no dialog open. */
export function useShortcuts(handlers: { onNewTask: () => void; onHelp: () => void }) {
  const { onNewTask, onHelp } = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "n" || event.key === "N") {
        event.preventDefault();
        onNewTask();
      } else if (event.key === "?") {
        event.preventDefault();
        onHelp();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onNewTask, onHelp]);
}

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="contents">
            <dt>
              <kbd className="rounded border border-border bg-surface px-1.5 py-0.5 font-mono text-xs">{s.keys}</kbd>
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end">
        <button type="button" className="btn btn-secondary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

export function useHelpDialog() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  return { open, show, hide };
}

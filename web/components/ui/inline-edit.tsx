"use client";

import { useEffect, useRef, useState } from "react";

type InlineEditProps = {
  value: string;
  /** Names the field for screen readers, e.g. "Title of Buy milk". */
  label: string;
  onSave: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  /** Checked before saving; returns a message to show instead of saving, or null. */
  validate?: (value: string) => string | null;
  className?: string;
  maxLength?: number;
};

/**
 * Text that becomes an input on click. Enter or clicking away saves, Escape cancels
 * (in a multi-line field, Shift+Enter starts a new line).
 */
export function InlineEdit({ value, label, onSave, multiline, placeholder, validate, className = "", maxLength }: InlineEditProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // Set once the edit has ended, so the blur of the field as it unmounts saves nothing twice.
  const closed = useRef(false);

  useEffect(() => {
    if (editing) {
      field.current?.focus();
      field.current?.select();
    }
  }, [editing]);

  const start = () => {
    closed.current = false;
    setDraft(value);
    setError(null);
    setEditing(true);
  };

  const finish = (save: boolean) => {
    if (save) {
      const problem = validate?.(draft) ?? null;
      if (problem) {
        setError(problem);
        field.current?.focus();
        return;
      }
      if (draft !== value) onSave(draft);
    }
    closed.current = true;
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => trigger.current?.focus());
  };

  if (editing) {
    const common = {
      ref: field,
      value: draft,
      "aria-label": label,
      "aria-invalid": error ? true : undefined,
      maxLength,
      className: `input ${className}`,
      onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
      onBlur: () => {
        if (!closed.current) finish(true);
      },
      onKeyDown: (event: React.KeyboardEvent) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          finish(false);
        } else if (event.key === "Enter" && !(multiline && event.shiftKey)) {
          event.preventDefault();
          finish(true);
        }
      },
    };
    return (
      <div className="flex w-full flex-col gap-1">
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
        {error && <p className="text-sm text-danger">{error}</p>}
      </div>
    );
  }

  return (
    <button
      ref={trigger}
      type="button"
      onClick={start}
      aria-label={`${label}: ${value || placeholder || "empty"}. Edit`}
      className={`w-full cursor-text rounded text-left hover:bg-surface ${value ? "" : "text-muted italic"} ${className}`}
    >
      {value || placeholder}
    </button>
  );
}

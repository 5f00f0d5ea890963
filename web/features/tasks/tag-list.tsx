"use client";

import Link from "next/link";
import { useState } from "react";

export function normaliseTag(text: string): string {
  return text.trim().replace(/^#/, "").toLowerCase();
}

/** The tags of a task: each links to the All view filtered by it, can be removed, and new ones added. */
export function TagList({ tags, taskTitle, onChange }: { tags: string[]; taskTitle: string; onChange: (tags: string[]) => void }) {
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState("");

  const add = () => {
    const tag = normaliseTag(draft);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft("");
    setAdding(false);
  };

  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label={`Tags of ${taskTitle}`}>
      {tags.map((tag) => (
        <li key={tag} className="inline-flex items-center rounded-full border border-border text-xs">
          <Link prefetch={false} href={`/all?tag=${encodeURIComponent(tag)}`} className="inline-flex min-h-6 items-center rounded-l-full pl-2 pr-1 hover:underline" aria-label={`Show tasks tagged ${tag}`}>
            #{tag}
          </Link>
          <button
            type="button"
            className="inline-flex min-h-6 min-w-6 items-center justify-center rounded-r-full text-muted hover:text-fg"
            aria-label={`Remove tag ${tag} from ${taskTitle}`}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        {adding ? (
          <input
            autoFocus
            type="text"
            value={draft}
            aria-label={`New tag for ${taskTitle}`}
            placeholder="tag"
            maxLength={50}
            className="min-h-6 w-24 rounded border border-border bg-bg px-1.5 text-xs"
            onChange={(event) => setDraft(event.target.value)}
            onBlur={add}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              } else if (event.key === "Escape") {
                event.stopPropagation();
                setDraft("");
                setAdding(false);
              }
            }}
          />
        ) : (
          <button type="button" className="inline-flex min-h-6 items-center rounded-full px-2 text-xs text-muted hover:bg-surface hover:text-fg" aria-label={`Add a tag to ${taskTitle}`} onClick={() => setAdding(true)}>
            + tag
          </button>
        )}
      </li>
    </ul>
  );
}

import { PRIORITIES, PRIORITY_LABELS, type Priority } from "./types";

const DOT: Record<Priority, string> = { high: "bg-red-600", medium: "bg-amber-500", low: "bg-sky-500" };

/** A coloured dot plus the word, so priority never rests on colour alone. */
export function PriorityIndicator({ priority }: { priority: Priority }) {
  return <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${DOT[priority]}`} />;
}

export function PrioritySelect({ value, onChange, label, id }: { value: Priority; onChange: (p: Priority) => void; label: string; id?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <PriorityIndicator priority={value} />
      <select
        id={id}
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.target.value as Priority)}
        className="min-h-6 rounded border border-border bg-bg px-1 text-xs text-fg"
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </select>
    </span>
  );
}

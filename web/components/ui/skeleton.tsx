/** Grey placeholders shaped like the task list while it loads. */
export function ListSkeleton({ rows = 4, label = "Loading tasks" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-busy="true" className="flex flex-col gap-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-14 animate-pulse rounded-lg bg-skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

import Link from "next/link";
import { summarizeToolCall } from "./tool-calls";
import type { ToolCall } from "./types";

/** A small card for one thing the assistant did: "Created task · Buy groceries · due tomorrow". */
export function ToolCallCard({ call }: { call: ToolCall }) {
  const summary = summarizeToolCall(call);
  const warning = summary.tone === "warning";
  return (
    <li
      data-testid="tool-call"
      className={`flex flex-wrap items-center gap-x-1.5 gap-y-0.5 rounded-md border px-2.5 py-1.5 text-xs ${
        warning ? "border-warning text-warning" : "border-border text-muted"
      }`}
    >
      <span aria-hidden="true">{warning ? "⚠" : "✓"}</span>
      <span className={`font-medium ${warning ? "" : "text-fg"}`}>{summary.action}</span>
      {summary.title && (
        <>
          <span aria-hidden="true">·</span>
          {summary.href ? (
            <Link href={summary.href} className="text-accent underline underline-offset-2">
              {summary.title}
            </Link>
          ) : (
            <span>{summary.title}</span>
          )}
        </>
      )}
      {summary.details.map((detail) => (
        <span key={detail} className="contents">
          <span aria-hidden="true">·</span>
          <span>{detail}</span>
        </span>
      ))}
    </li>
  );
}

export function ToolCallCards({ calls }: { calls: ToolCall[] }) {
  if (calls.length === 0) return null;
  return (
    <ul aria-label="What the assistant did" className="flex flex-col items-start gap-1">
      {calls.map((call, index) => (
        <ToolCallCard key={call.id || index} call={call} />
      ))}
    </ul>
  );
}

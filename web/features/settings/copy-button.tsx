"use client";

import { useEffect, useState } from "react";
import { useNotices } from "@/components/ui/toast";

/**
 * Copies `text` to the clipboard and says so ("Copied"), or asks to copy by hand when it cannot.
 * `what` completes the name for screen readers: "Copy token".
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { toast, announce } = useNotices();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className="btn btn-secondary py-1"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          announce("Copied to the clipboard");
        } catch {
          toast({ tone: "error", message: "Could not copy. Select the text and copy it yourself." });
        }
      }}
    >
      {copied ? "Copied" : "Copy"}{" "}
      <span className="sr-only">{what}</span>
    </button>
  );
}

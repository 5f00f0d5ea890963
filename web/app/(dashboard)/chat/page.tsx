import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/skeleton";
import { ChatView } from "@/features/chat/chat-view";

export const metadata: Metadata = { title: "Assistant" };

export default function Page() {
  // The conversation id lives in the URL (/chat?c=…), which a static page reads only in the browser.
  return (
    <Suspense fallback={<ListSkeleton rows={3} label="Loading the assistant" />}>
      <ChatView />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/skeleton";
import { AllView } from "@/features/tasks/views";

export const metadata: Metadata = { title: "All Tasks" };

export default function Page() {
  // The filters live in the URL, which a static page reads only in the browser.
  return (
    <Suspense fallback={<ListSkeleton />}>
      <AllView />
    </Suspense>
  );
}

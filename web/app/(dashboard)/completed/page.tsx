import type { Metadata } from "next";
import { CompletedView } from "@/features/tasks/views";

export const metadata: Metadata = { title: "Completed" };

export default function Page() {
  return <CompletedView />;
}

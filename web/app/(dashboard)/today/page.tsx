import type { Metadata } from "next";
import { TodayView } from "@/features/tasks/views";

export const metadata: Metadata = { title: "Today" };

export default function Page() {
  return <TodayView />;
}

import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-16 sm:items-center sm:pt-0">
      <div className="w-full max-w-sm rounded-xl border border-border bg-bg p-6 shadow-sm">{children}</div>
    </main>
  );
}

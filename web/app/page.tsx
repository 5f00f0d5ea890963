"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useSession } from "@/features/auth/use-session";

/** The front door: Today for a signed-in user, the login page for everyone else. */
export default function Home() {
  const session = useSession();
  const router = useRouter();
  useEffect(() => {
    if (session.isSuccess) router.replace(session.data ? "/today" : "/login");
  }, [session.isSuccess, session.data, router]);
  return (
    <main className="flex min-h-screen items-center justify-center">
      <h1 className="sr-only">Todo</h1>
      <p className="text-muted">{session.isError ? "Cannot reach the server." : "Loading…"}</p>
    </main>
  );
}

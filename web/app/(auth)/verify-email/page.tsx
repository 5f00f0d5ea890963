import type { Metadata } from "next";
import { Suspense } from "react";
import { VerifyEmail } from "@/features/auth/forms";

export const metadata: Metadata = { title: "Verify email" };

export default function Page() {
  // The token is in the query string, which a static page reads only in the browser.
  return (
    <Suspense>
      <VerifyEmail />
    </Suspense>
  );
}

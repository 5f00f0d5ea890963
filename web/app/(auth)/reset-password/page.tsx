import type { Metadata } from "next";
import { Suspense } from "react";
import { ResetPasswordForm } from "@/features/auth/forms";

export const metadata: Metadata = { title: "Reset password" };

export default function Page() {
  // The token is in the query string, which a static page reads only in the browser.
  return (
    <Suspense>
      <ResetPasswordForm />
    </Suspense>
  );
}

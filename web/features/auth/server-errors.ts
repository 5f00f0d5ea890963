import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/api";

/**
 * Puts a refused request's messages next to the fields they are about (the problem's `errors` map);
 * what belongs to no field goes to the form as a whole. `fallbackField` takes a field-less problem
 * whose status says which field it is about (409 Email already exists).
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  fallbackField?: { status: number; field: Path<T> },
): void {
  if (!(error instanceof ApiError)) {
    setError("root.server" as Path<T>, { message: "Something went wrong. Try again." });
    return;
  }
  let placed = false;
  for (const [field, message] of Object.entries(error.errors)) {
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  if (placed) return;
  if (fallbackField && error.status === fallbackField.status) {
    setError(fallbackField.field, { type: "server", message: error.message }, { shouldFocus: true });
    return;
  }
  setError("root.server" as Path<T>, { message: error.message });
}

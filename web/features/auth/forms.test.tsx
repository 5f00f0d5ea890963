import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RegisterForm } from "./forms";

const replace = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }), useSearchParams: () => new URLSearchParams() }));

afterEach(cleanup);

function renderForm() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RegisterForm />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe("RegisterForm", () => {
  it("says the password is too short as soon as the field is left, and sends nothing", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const user = renderForm();
    await user.type(screen.getByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "1234");
    await user.tab();
    expect(await screen.findByText("Password must be at least 8 characters")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's error next to the field it names, and lands on Today on success", async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ status: 409, detail: "Email already exists" }), { status: 409 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ user: { id: "1", email: "ann@example.com" }, accessToken: "a", expiresIn: 900 }), { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    const user = renderForm();
    await user.type(screen.getByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const email = screen.getByLabelText("Email");
    expect(await screen.findByText("Email already exists")).toBeTruthy();
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(email.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Email already exists");

    await user.clear(email);
    await user.type(email, "ann2@example.com");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith("/today"));
  });
});

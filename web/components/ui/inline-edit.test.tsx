import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InlineEdit } from "./inline-edit";

afterEach(cleanup);

function setup(validate?: (value: string) => string | null) {
  const onSave = vi.fn();
  render(<InlineEdit value="Buy milk" label="Title of Buy milk" onSave={onSave} validate={validate} />);
  return { onSave, user: userEvent.setup() };
}

describe("InlineEdit", () => {
  it("saves on Enter", async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole("button", { name: /Title of Buy milk/ }));
    const input = screen.getByRole("textbox", { name: "Title of Buy milk" });
    await user.clear(input);
    await user.type(input, "Buy oat milk{Enter}");
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Buy oat milk");
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("saves when focus leaves the field", async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole("button", { name: /Title of Buy milk/ }));
    await user.type(screen.getByRole("textbox"), " today");
    await user.tab();
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Buy milk today");
  });

  it("cancels on Escape and keeps the old text", async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole("button", { name: /Title of Buy milk/ }));
    await user.type(screen.getByRole("textbox"), " and eggs{Escape}");
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: /Title of Buy milk/ }).textContent).toBe("Buy milk");
  });

  it("keeps editing and says why when the value is refused", async () => {
    const { onSave, user } = setup((value) => (value.trim() ? null : "Title is required"));
    await user.click(screen.getByRole("button", { name: /Title of Buy milk/ }));
    await user.clear(screen.getByRole("textbox"));
    await user.keyboard("{Enter}");
    expect(screen.getByText("Title is required")).toBeTruthy();
    expect(screen.getByRole("textbox").getAttribute("aria-invalid")).toBe("true");
    expect(onSave).not.toHaveBeenCalled();
  });
});

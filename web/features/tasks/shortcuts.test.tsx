import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useShortcuts } from "./shortcuts";

afterEach(cleanup);

function Harness({ onNewTask, onHelp }: { onNewTask: () => void; onHelp: () => void }) {
  useShortcuts({ onNewTask, onHelp });
  return (
    <>
      <input type="text" aria-label="Search" />
      <input type="checkbox" aria-label="Complete Buy milk" />
    </>
  );
}

describe("useShortcuts", () => {
  it("opens the new-task dialog on n and the help on ?, but not while typing in a text field", async () => {
    const onNewTask = vi.fn();
    const onHelp = vi.fn();
    const { getByLabelText } = render(<Harness onNewTask={onNewTask} onHelp={onHelp} />);
    const user = userEvent.setup();

    await user.keyboard("n");
    await user.keyboard("?");
    expect(onNewTask).toHaveBeenCalledTimes(1);
    expect(onHelp).toHaveBeenCalledTimes(1);

    await user.click(getByLabelText("Search"));
    await user.keyboard("n?");
    expect(onNewTask).toHaveBeenCalledTimes(1);

    await user.click(getByLabelText("Complete Buy milk"));
    await user.keyboard("n");
    expect(onNewTask).toHaveBeenCalledTimes(2);
  });
});

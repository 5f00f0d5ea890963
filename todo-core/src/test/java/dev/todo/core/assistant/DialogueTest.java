package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-turn conversations with the engine over in-memory tools: the spec's scenarios FR-3.1 to FR-3.3. */
@SuppressWarnings("unchecked")
class DialogueTest {

    /** Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static Conversation journey() {
        return new Conversation(List.of(
                Conversation.task(1, "Buy groceries", "2026-11-18", "medium", "pending"),
                Conversation.task(2, "Fix production bug", "2026-11-18", "high", "pending"),
                Conversation.task(3, "Prepare meeting slides", "2026-11-18", "high", "pending"),
                Conversation.task(4, "Pay rent", "2026-11-17", "medium", "pending"),
                Conversation.task(5, "Call mom", null, "medium", "pending")), TODAY);
    }

    @Test
    void createsATaskFromAReminder() {
        Conversation chat = Conversation.withTitles(TODAY);
        String reply = chat.say("remind me to buy groceries tomorrow");
        ToolCall call = chat.onlyChange();
        assertThat(call.name()).isEqualTo("create_task");
        assertThat(call.arguments()).containsEntry("title", "Buy groceries").containsEntry("due_date", "2026-11-19");
        assertThat(reply).startsWith("I've created a task 'Buy groceries' due tomorrow.");
    }

    @Test
    void completesATaskByMeaning() {
        Conversation chat = Conversation.withTitles(TODAY, "Call mom", "Buy groceries", "Pay rent");
        assertThat(chat.say("I bought the groceries")).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        assertThat(chat.onlyChange().name()).isEqualTo("complete_task");
        assertThat(chat.task("Buy groceries")).containsEntry("status", "done");
    }

    @Test
    void summarisesTodaysTasks() {
        Conversation chat = journey();
        String reply = chat.say("what do I need to do today?");
        assertThat(chat.lastCalls).extracting(ToolCall::name).containsExactly("list_tasks");
        assertThat(chat.lastCalls.get(0).arguments()).containsEntry("view", "today");
        assertThat(reply).startsWith("You have 4 tasks today. 2 are high priority: Fix production bug and Prepare meeting slides. 1 is overdue: Pay rent.")
                .contains("1. Pay rent — due yesterday (overdue)").contains("Buy groceries — due today");
    }

    @Test
    void infersPriorityTagsAndComplexRequests() {
        Conversation chat = Conversation.withTitles(TODAY);
        chat.say("urgent: fix production bug");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Fix production bug").containsEntry("priority", "high");
        chat.say("email John about the project meeting");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Email John about project meeting");
        assertThat((List<Object>) chat.onlyChange().arguments().get("tags")).containsExactlyInAnyOrder("email", "work", "meeting");
        chat.say("I need to review 3 PRs by Friday for the frontend team");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Review 3 PRs for frontend team")
                .containsEntry("due_date", "2026-11-20");
        assertThat((List<Object>) chat.onlyChange().arguments().get("tags")).contains("code-review");
    }

    @Test
    void asksWhenForABareRequestThenUsesTheAnswer() {
        Conversation chat = Conversation.withTitles(TODAY);
        assertThat(chat.say("Add a task to call mom")).isEqualTo("When should I set this for?");
        assertThat(chat.lastCalls).isEmpty();
        String reply = chat.say("This weekend");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Call mom").containsEntry("due_date", "2026-11-21");
        assertThat(reply).startsWith("I've created a task 'Call mom' due on Saturday, Nov 21.");
    }

    @Test
    void aBareRequestCanBeCreatedWithoutADate() {
        Conversation chat = Conversation.withTitles(TODAY);
        chat.say("add a task to clean the kitchen");
        assertThat(chat.say("no date")).startsWith("I've created a task 'Clean kitchen'.");
        assertThat(chat.onlyChange().arguments()).doesNotContainKey("due_date");
    }

    @Test
    void aNewRequestInsteadOfAnAnswerIsHandledAsSuch() {
        Conversation chat = Conversation.withTitles(TODAY, "Pay rent");
        chat.say("add a task to call mom");
        chat.say("what's overdue?");
        assertThat(chat.lastCalls).extracting(ToolCall::name).containsExactly("list_tasks");
        assertThat(chat.tools.tasks()).hasSize(1);
    }

    @Test
    void resolvesAmbiguityWithANumberedChoice() {
        Conversation chat = Conversation.withTitles(TODAY, "Buy groceries", "Call mom");
        assertThat(chat.say("Mark it done")).isEqualTo("Which task? You have:\n1. Buy groceries\n2. Call mom");
        assertThat(chat.changes()).isEmpty();
        assertThat(chat.say("The first one")).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        assertThat(chat.task("Buy groceries")).containsEntry("status", "done");
    }

    @Test
    void aChoiceCanBeANumberOrWords() {
        for (String answer : List.of("2", "#2", "the second", "the last one", "the mom one", "call mom")) {
            Conversation chat = Conversation.withTitles(TODAY, "Buy groceries", "Call mom");
            chat.say("mark it as done");
            chat.say(answer);
            assertThat(chat.task("Call mom")).as(answer).containsEntry("status", "done");
            assertThat(chat.task("Buy groceries")).as(answer).containsEntry("status", "pending");
        }
    }

    @Test
    void usesTasksListedEarlier() {
        Conversation chat = journey();
        chat.say("What's on my plate for today?");
        String reply = chat.say("Move the meeting prep to tomorrow");
        ToolCall call = chat.onlyChange();
        assertThat(call.name()).isEqualTo("update_task");
        assertThat(call.arguments()).containsEntry("task_id", "3").containsEntry("due_date", "2026-11-19");
        assertThat(reply).contains("'Prepare meeting slides'").contains("due tomorrow");
        assertThat(chat.lastCalls).extracting(ToolCall::name).containsExactly("update_task");
    }

    @Test
    void ordinalsReferToTheLastList() {
        Conversation chat = journey();
        chat.say("what's on my plate today?");
        chat.say("mark the second one as done");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "2");
        chat.say("what's overdue");
        chat.say("complete number 1");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "4");
    }

    @Test
    void theUserJourney() {
        Conversation chat = journey();
        String day = chat.say("What's my day looking like?");
        assertThat(day).startsWith("You have 4 tasks today. 2 are high priority");
        String created = chat.say("Add 'Review quarterly report' for tomorrow, high priority");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Review quarterly report")
                .containsEntry("due_date", "2026-11-19").containsEntry("priority", "high");
        assertThat(created).startsWith("I've created a task 'Review quarterly report' due tomorrow with high priority.");
        String moved = chat.say("Actually, make that by end of week");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "6").containsEntry("due_date", "2026-11-20");
        assertThat(moved).contains("Review quarterly report").contains("Friday, Nov 20");
        String done = chat.say("Done with the grocery shopping");
        assertThat(done).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        String left = chat.say("What's left for today?");
        assertThat(left).startsWith("You have 3 tasks today.").doesNotContain("Buy groceries");
    }

    @Test
    void deleteAsksFirstThenDeletesOnYes() {
        Conversation chat = Conversation.withTitles(TODAY, "Buy groceries", "Call mom");
        assertThat(chat.say("delete the groceries task")).isEqualTo("Delete 'Buy groceries'? Reply yes to confirm or no to keep it.");
        assertThat(chat.changes()).isEmpty();
        assertThat(chat.say("yes please")).isEqualTo("I've deleted 'Buy groceries'.");
        assertThat(chat.onlyChange().name()).isEqualTo("delete_task");
        assertThat(chat.tools.tasks()).extracting(t -> t.get("title")).containsExactly("Call mom");
    }

    @Test
    void deleteKeepsTheTaskOnNo() {
        Conversation polite = Conversation.withTitles(TODAY, "Buy groceries");
        polite.say("delete buy groceries");
        polite.say("thanks");
        assertThat(polite.tools.tasks()).hasSize(1);
        polite.say("delete buy groceries");
        assertThat(polite.say("\uD83D\uDC4D")).isEqualTo("I've deleted 'Buy groceries'.");
        for (String no : List.of("no", "cancel", "keep it", "nope")) {
            Conversation chat = Conversation.withTitles(TODAY, "Buy groceries", "Call mom");
            chat.say("get rid of call mom");
            assertThat(chat.say(no)).as(no).isEqualTo("OK, I won't delete it — 'Call mom' stays on your list.");
            assertThat(chat.lastCalls).isEmpty();
            assertThat(chat.tools.tasks()).hasSize(2);
        }
    }

    @Test
    void bulkChangesAskFirstNamingTheCount() {
        Conversation chat = journey();
        String ask = chat.say("mark all today's tasks done");
        assertThat(ask).startsWith("Mark these 4 tasks as done?").endsWith("Reply yes to confirm or no to cancel.");
        assertThat(chat.changes()).isEmpty();
        String done = chat.say("yes");
        assertThat(chat.changes()).hasSize(4).allMatch(c -> c.name().equals("complete_task"));
        assertThat(done).startsWith("Great! I've marked 4 tasks as done:");
        assertThat(chat.task("Call mom")).containsEntry("status", "pending");
    }

    @Test
    void bulkDeleteCanBeDeclinedAndRunsInBatchesOfSix() {
        Conversation chat = Conversation.withTitles(TODAY, "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8");
        assertThat(chat.say("clear everything")).startsWith("Delete these 8 tasks?");
        assertThat(chat.say("no")).isEqualTo("OK, I've left your tasks as they are.");
        assertThat(chat.tools.tasks()).hasSize(8);
        chat.say("delete all tasks");
        String first = chat.say("yes");
        assertThat(chat.changes()).hasSize(6);
        assertThat(first).contains("Delete these 2 remaining tasks?");
        String second = chat.say("yes");
        assertThat(second).startsWith("Done! I've deleted 2 tasks: A7 and A8.");
        assertThat(chat.tools.tasks()).isEmpty();
    }

    @Test
    void reopenRenameReprioritiseRetagAndNote() {
        Conversation chat = new Conversation(List.of(
                Conversation.task(1, "Buy groceries", null, "medium", "done"),
                Conversation.task(2, "Call mom", null, "medium", "pending")), TODAY);
        assertThat(chat.say("reopen buy groceries")).isEqualTo("OK, I've reopened 'Buy groceries' — it's pending again.");
        assertThat(chat.task("Buy groceries")).containsEntry("status", "pending");
        assertThat(chat.say("rename call mom to Call mom about Sunday")).isEqualTo("Done! I've updated the task: renamed it to 'Call mom about Sunday'.");
        chat.say("make it high priority");
        assertThat(chat.task("Call mom about Sunday")).containsEntry("priority", "high");
        chat.say("tag call mom as family");
        assertThat((List<Object>) chat.task("Call mom about Sunday").get("tags")).containsExactly("family");
        chat.say("remove the family tag from call mom");
        assertThat((List<Object>) chat.task("Call mom about Sunday").get("tags")).isEmpty();
        chat.say("add a note to call mom: ask about the holidays");
        assertThat(chat.task("Call mom about Sunday")).containsEntry("description", "ask about the holidays");
    }

    @Test
    void showsOneTasksDetails() {
        Conversation chat = journey();
        String reply = chat.say("show me the groceries task");
        assertThat(chat.lastCalls).extracting(ToolCall::name).endsWith("get_task");
        assertThat(reply).contains("'Buy groceries'").contains("Due: today").contains("Status: pending");
        assertThat(chat.say("what's task 4?")).contains("'Pay rent'").contains("(overdue)");
    }

    @Test
    void helpSmallTalkAndNonsenseNeverChangeTasks() {
        Conversation chat = journey();
        assertThat(chat.say("help")).startsWith("Here's what I can do:");
        assertThat(chat.say("hi")).startsWith("Hi!");
        assertThat(chat.say("thanks!")).startsWith("You're welcome");
        assertThat(chat.say("how are you")).startsWith("I'm doing great");
        assertThat(chat.say("asdfgh")).startsWith("Sorry, I didn't quite get that.");
        assertThat(chat.say("what's the weather")).startsWith("Sorry, I didn't quite get that.");
        assertThat(chat.say("what day is it today?")).startsWith("Today is Wednesday, Nov 18.");
        assertThat(chat.say("are you a robot?")).startsWith("I'm your task assistant");
        assertThat(chat.say("hello? anyone there?")).startsWith("Hi!");
        assertThat(chat.say("bye")).startsWith("Bye!");
        assertThat(chat.tools.tasks()).hasSize(5);
    }

    @Test
    void unknownTasksAndToolErrorsGetAPoliteAnswer() {
        Conversation chat = journey();
        assertThat(chat.say("complete the piano lessons")).startsWith("I couldn't find a task matching 'piano lessons'");
        assertThat(chat.say("show task 99")).isEqualTo("Sorry, that didn't work: Task 99 not found");
        assertThat(chat.say("move it")).startsWith("Which task? You have:");
    }

    @Test
    void anUnclearMatchOffersTheCandidates() {
        Conversation chat = Conversation.withTitles(TODAY, "Call mom", "Call dad", "Pay rent");
        String reply = chat.say("I called them");
        assertThat(reply).startsWith("Which task");
        Conversation calls = Conversation.withTitles(TODAY, "Call mom about dinner", "Call mom about the car", "Pay rent");
        assertThat(calls.say("mark call mom done")).isEqualTo("Which task do you mean?\n1. Call mom about dinner\n2. Call mom about the car");
        calls.say("the car one");
        assertThat(calls.task("Call mom about the car")).containsEntry("status", "done");
    }

    @Test
    void emptyListsSuggestAddingATask() {
        Conversation chat = Conversation.withTitles(TODAY);
        assertThat(chat.say("what do I need to do today?")).startsWith("You have no tasks today.").contains("Want to add one?");
        assertThat(chat.say("what's overdue?")).startsWith("Nothing is overdue");
        assertThat(chat.say("mark it done")).startsWith("You don't have any open tasks");
    }

    @Test
    void itRefersToTheTaskJustCreated() {
        Conversation chat = Conversation.withTitles(TODAY);
        chat.say("add buy milk for tomorrow and make it high priority");
        Map<String, Object> args = chat.onlyChange().arguments();
        assertThat(args).containsEntry("title", "Buy milk").containsEntry("priority", "high").containsEntry("due_date", "2026-11-19");
        chat.say("push it to friday");
        assertThat(chat.task("Buy milk")).containsEntry("due_date", "2026-11-20");
        chat.say("delete it");
        chat.say("yes");
        assertThat(chat.tools.tasks()).isEmpty();
    }

    @Test
    void movesManyTasksAfterConfirmation() {
        Conversation chat = journey();
        assertThat(chat.say("move everything due today to tomorrow")).startsWith("Move these 4 tasks to tomorrow?");
        assertThat(chat.changes()).isEmpty();
        assertThat(chat.say("yes")).startsWith("Done! I've moved 4 tasks to tomorrow:");
        assertThat(chat.changes()).hasSize(4).allMatch(c -> "2026-11-19".equals(c.arguments().get("due_date")));
        assertThat(chat.task("Pay rent")).containsEntry("due_date", "2026-11-19");
    }

    @Test
    void actsOnEveryTaskOfTheLastListAndOnOneByPosition() {
        Conversation chat = journey();
        assertThat(chat.say("delete them all")).startsWith("Which tasks?");
        chat.say("what's overdue?");
        assertThat(chat.say("mark them all as done")).startsWith("Mark this 1 task as done?");
        chat.say("ok");
        assertThat(chat.task("Pay rent")).containsEntry("status", "done");
        chat.say("what's on my plate today");
        assertThat(chat.say("what's the first one?")).startsWith("Task #2: 'Fix production bug'");
        assertThat(chat.say("that's done")).isEqualTo("Great! I've marked 'Fix production bug' as done.");
    }

    @Test
    void toleratesTheCurrentMessageRepeatedAtTheEndOfTheHistory() {
        Conversation chat = Conversation.withTitles(TODAY, "Buy groceries");
        chat.say("delete buy groceries");
        List<Turn> history = new java.util.ArrayList<>(chat.history);
        history.add(Turn.user("yes"));
        Step step = chat.engine.next(history, "yes", List.of(), TODAY);
        assertThat(step).isEqualTo(new Step.Call("delete_task", Map.of("task_id", "1")));
        assertThat(chat.engine.next(null, "hi", null, TODAY)).isInstanceOf(Step.Reply.class);
    }

    @Test
    void answersWhenAskedAboutPlainYesOrNoOrAnUnclearChange() {
        Conversation chat = journey();
        assertThat(chat.say("yes")).startsWith("OK! Anything else?");
        assertThat(chat.say("reschedule pay rent")).startsWith("What should I change about 'Pay rent'?");
        assertThat(chat.say("add a task")).startsWith("What should the task say?");
        assertThat(chat.say("move all overdue tasks to monday")).startsWith("Move this 1 task to Monday, Nov 23?");
        assertThat(chat.say("nope")).isEqualTo("OK, I've left your tasks as they are.");
        assertThat(chat.say("complete everything tagged nothing")).isEqualTo("There are no matching tasks to mark as done.");
        assertThat(chat.say("delete all tasks tagged nothing")).isEqualTo("There are no matching tasks to delete.");
        assertThat(chat.say("move all tasks tagged nothing to friday")).isEqualTo("There are no matching tasks to move.");
    }

    @Test
    void theWhenQuestionAcceptsATimeOrAPriority() {
        Conversation chat = Conversation.withTitles(TODAY);
        chat.say("add a task to call the plumber");
        assertThat(chat.say("tomorrow at 5pm")).startsWith("I've created a task 'Call plumber' due tomorrow.");
        chat.say("add a task to renew the lease");
        assertThat(chat.say("make it high priority")).startsWith("I've created a task 'Renew lease' with high priority.");
        assertThat(chat.onlyChange().arguments()).doesNotContainKey("due_date");
    }

    @Test
    void followUpsOnTheTaskJustCreated() {
        Conversation chat = Conversation.withTitles(TODAY);
        chat.say("remind me to buy a cake tomorrow");
        chat.say("add a note: chocolate please");
        assertThat(chat.task("Buy cake")).containsEntry("description", "chocolate");
        chat.say("rename it to Buy birthday cake");
        chat.say("mark it done");
        assertThat(chat.task("Buy birthday cake")).containsEntry("status", "done");
        assertThat(chat.say("undo that")).isEqualTo("OK, I've reopened 'Buy birthday cake' — it's pending again.");
    }

    @Test
    void progressRenameAndDetailsOfTheTaskInFocus() {
        Conversation chat = journey();
        assertThat(chat.say("mark pay rent in progress")).isEqualTo("Done! I've updated 'Pay rent': it's now in progress.");
        assertThat(chat.task("Pay rent")).containsEntry("status", "in_progress");
        assertThat(chat.say("details please")).startsWith("Task #4: 'Pay rent'").contains("Status: in progress");
        chat.say("Change Call mom to Call mom and dad");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Call mom and dad");
        assertThat(chat.say("show me what's due in the next 3 days")).startsWith("You have 3 tasks due in the next 3 days.");
        chat.say("show my tasks sorted by priority");
        assertThat(chat.lastCalls.get(0).arguments()).doesNotContainKey("priority");
        assertThat(chat.say("how many tasks did I complete?")).startsWith("You haven't completed any tasks yet.");
    }

    @Test
    void anUnexpectedToolResultGetsAnApologyNotAnException() {
        LocalEngine engine = new LocalEngine();
        List<ToolCall> odd = List.of(new ToolCall("create_task", Map.of("title", "Buy milk"), "created", false));
        Step step = engine.next(List.of(), "add buy milk", odd, TODAY);
        assertThat(step).isInstanceOf(Step.Reply.class);
        assertThat(((Step.Reply) step).text()).startsWith("Sorry, something went wrong on my side");
    }

    @Test
    void ellipticalFollowUps() {
        Conversation chat = journey();
        chat.say("what's on my plate today?");
        assertThat(chat.say("move it to friday")).isEqualTo(
                "Which task? You have:\n1. Pay rent\n2. Fix production bug\n3. Prepare meeting slides\n4. Buy groceries");
        assertThat(chat.say("the third")).contains("'Prepare meeting slides'").contains("Friday, Nov 20");
        chat.say("what's on my plate today?");
        chat.say("the first one is done");
        assertThat(chat.say("and the second")).isEqualTo("Great! I've marked 'Fix production bug' as done.");
        assertThat(chat.say("the third one too")).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        chat.say("show me the call mom task");
        chat.say("push it to sunday");
        assertThat(chat.say("and make it high priority")).isEqualTo("Done! I've updated 'Call mom': it's now high priority.");
    }

    @Test
    void reprioritisesManyTasksAndReopensByWhatWasNotDone() {
        Conversation chat = journey();
        assertThat(chat.say("make everything due today high priority")).startsWith("Set these 4 tasks to high priority?");
        assertThat(chat.say("yes")).startsWith("Done! 4 tasks are now high priority:");
        assertThat(chat.task("Buy groceries")).containsEntry("priority", "high");
        chat.say("mark call mom done");
        assertThat(chat.say("actually I haven't called mom yet")).isEqualTo("OK, I've reopened 'Call mom' — it's pending again.");
        assertThat(chat.say("the rent isn't important")).isEqualTo("Done! I've updated 'Pay rent': it's now low priority.");
        assertThat(chat.say("the rent should be on the 2nd")).contains("Wednesday, Dec 2");
    }
    @Test
    void aStatementThenACommandOnIt() {
        Conversation chat = new Conversation(List.of(
                Conversation.task(1, "Review quarterly report", "2026-11-20", "medium", "pending"),
                Conversation.task(2, "Pay rent", "2026-11-17", "high", "pending"),
                Conversation.task(3, "Go to the gym", null, "medium", "pending"),
                Conversation.task(4, "Submit expense report", null, "medium", "done")), TODAY);
        assertThat(chat.say("the quarterly report can wait, make it low priority"))
                .isEqualTo("Done! I've updated 'Review quarterly report': it's now low priority.");
        chat.say("rent is actually due on the 5th, update it");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "2").containsEntry("due_date", "2026-12-05");
        assertThat(chat.say("back from the gym, tick that off")).isEqualTo("Great! I've marked 'Go to the gym' as done.");
        chat.say("oops I didn't actually submit the expense report yet, mark it as not done");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "4").containsEntry("status", "pending");
        chat.say("retag the gym task: health and personal");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("health", "personal"));
    }

    @Test
    void aNameAndADateMoveTheTaskThatHasThoseWordsOtherwiseCreateOne() {
        Conversation chat = Conversation.withTitles(TODAY, "Review quarterly report", "Call mom");
        chat.say("quarterly report by end of the week pls");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "1").containsEntry("due_date", "2026-11-20");
        chat.say("mom's birthday dinner on saturday");
        assertThat(chat.onlyChange().name()).isEqualTo("create_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Mom's birthday dinner").containsEntry("tags", List.of("family"));
    }

    @Test
    void labelledChangesTagEditsAndBusinesslikeRequests() {
        Map<String, Object> garage = Conversation.task(3, "Clean the garage", null, "low", "pending");
        garage.put("tags", List.of("home"));
        Conversation chat = new Conversation(List.of(
                Conversation.task(1, "Call mom", null, "medium", "pending"),
                Conversation.task(2, "Pay rent", "2026-11-17", "high", "pending"),
                garage,
                Conversation.task(4, "Renew passport", null, "medium", "done"),
                Conversation.task(5, "Book flights for vacation", null, "medium", "pending")), TODAY);
        // "name: change" and "name -> change" move the task of that name, even when the name starts with a verb
        chat.say("Call mom: due Sunday.");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "1").containsEntry("due_date", "2026-11-22");
        chat.say("rent \u2192 next friday");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "2").containsEntry("due_date", "2026-11-27");
        chat.say("Call the plumber: tomorrow");
        assertThat(chat.onlyChange().name()).isEqualTo("create_task");
        // adding a tag keeps the others; replacing them does not
        chat.say("Please add the tag 'family' to the garage task.");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "3").containsEntry("tags", List.of("home", "family"));
        chat.say("Replace the tags of the garage task with home and personal.");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("home", "personal"));
        chat.say("The garage task should be retagged as family.");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("family"));
        // a quoted new title after an arrow, reopening and deleting in formal words, a modal question
        chat.say("rename flights task \u2192 'Book flights to Tokyo'");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "5").containsEntry("title", "Book flights to Tokyo");
        assertThat(chat.say("Reactivate the passport task, please.")).isEqualTo("OK, I've reopened 'Renew passport' — it's pending again.");
        assertThat(chat.say("Wipe out the passport task.")).isEqualTo("Delete 'Renew passport'? Reply yes to confirm or no to keep it.");
        assertThat(chat.say("no")).doesNotContain("deleted");
        chat.say("When must the flights be booked?");
        assertThat(chat.lastCalls).extracting(ToolCall::name).contains("get_task");
    }

    @Test
    void namesThenCommandsMistakenCompletionsAndMixedLanguages() {
        Map<String, Object> report = Conversation.task(4, "Submit expense report", null, "medium", "done");
        report.put("tags", List.of("work", "finance"));
        Conversation chat = new Conversation(List.of(
                Conversation.task(1, "Clean the garage", null, "low", "pending"),
                Conversation.task(2, "Renew passport", null, "medium", "done"),
                Conversation.task(3, "Go to the gym", null, "medium", "pending"),
                report,
                Conversation.task(5, "Book flights for vacation", null, "medium", "pending")), PartsTest.TUESDAY);
        // a command after its task's name
        chat.say("garage: move to next month");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "1").containsEntry("due_date", "2027-01-01");
        chat.say("Expense report: retag as work only");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "4").containsEntry("tags", List.of("work"));
        // a completion made by mistake, in two formal sentences
        assertThat(chat.say("I am afraid I marked the passport task complete in error. Would you restore it to pending?"))
                .isEqualTo("OK, I've reopened 'Renew passport' — it's pending again.");
        // a report with a past that is its present, another one with plane tickets for the holiday
        assertThat(chat.say("hit the gym this morning")).isEqualTo("Great! I've marked 'Go to the gym' as done.");
        assertThat(chat.say("I have reserved our plane tickets for the holiday; please mark it done."))
                .isEqualTo("Great! I've marked 'Book flights for vacation' as done.");
        // Spanish: delete, with the confirmation
        assertThat(chat.say("borra the garage task")).isEqualTo("Delete 'Clean the garage'? Reply yes to confirm or no to keep it.");
    }

    @Test
    void aChoreThatStartsLikeACommandIsANewTaskWhenNoTaskIsMeant() {
        Conversation chat = journey();
        chat.say("update the onboarding docs by Tuesday, tag it work");
        assertThat(chat.onlyChange().name()).isEqualTo("create_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Update onboarding docs")
                .containsEntry("due_date", "2026-11-24").containsEntry("tags", List.of("work"));
        chat.say("finish the kitchen renovation project");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Finish kitchen renovation project");
        // a task that exists is still the one meant
        assertThat(chat.say("finish the meeting slides")).isEqualTo("Great! I've marked 'Prepare meeting slides' as done.");
        assertThat(chat.say("complete the piano lessons")).startsWith("I couldn't find a task matching 'piano lessons'");
    }

    @Test
    void tagEditsOnTheTaskInFocusAndLaterCommandsThatNameTheirTask() {
        Map<String, Object> report = Conversation.task(6, "Submit expense report", null, "medium", "done");
        report.put("tags", List.of("work", "finance"));
        List<Map<String, Object>> tasks = new java.util.ArrayList<>(List.of(
                Conversation.task(4, "Pay rent", "2026-11-17", "medium", "pending"),
                Conversation.task(7, "Renew passport", null, "medium", "done"), report));
        Conversation chat = new Conversation(tasks, TODAY);
        // a statement names the task, the tag edit without a task acts on it
        chat.say("the expense report is finance only, drop the work tag");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("finance"));
        // then on the task in focus
        chat.say("add the personal tag too");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("finance", "personal"));
        // a report, then a command on a task it names: the command is done
        chat.say("the passport application bounced, so uncheck the passport renewal");
        assertThat(chat.onlyChange().arguments()).containsEntry("status", "pending");
        assertThat(chat.say("no need for the rent reminder anymore, delete it")).startsWith("Delete 'Pay rent'?");
    }
}


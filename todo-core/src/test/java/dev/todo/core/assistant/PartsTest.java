package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Priorities, tags, titles, words and task matching, each on its own. */
class PartsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "urgent: fix bug|high", "fix bug asap|high", "important meeting|high", "this is critical|high",
            "call now!!|high", "top priority: taxes|high", "high priority|high", "emergency plumber|high",
            "priority: high|high", "clean garage when I get a chance|low", "someday learn piano|low",
            "low priority|low", "no rush|low", "eventually sort photos|low", "whenever|low", "not urgent|low",
            "medium priority|medium", "normal priority|medium", "buy milk|"})
    void priorities(String text, String expected) {
        assertThat(Priorities.named(text)).as(text).isEqualTo(expected);
    }

    @Test
    void priorityPhrasesAreRemoved() {
        Priorities.Found found = Priorities.find("fix the bug, high priority");
        assertThat(found.priority()).isEqualTo("high");
        assertThat(found.rest()).isEqualTo("fix the bug,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Email John about project meeting|email,work,meeting", "Buy groceries|errands", "Pay rent|finance",
            "Call mom|family", "Go to the dentist|health", "Do laundry|home", "Review 3 PRs|work,code-review",
            "Birthday party for Sam|personal", "Order new shoes|shopping", "Learn Spanish|",
            "Pick up dry cleaning|errands", "Buy stamps at the post office|errands", "1:1 with my manager|meeting,work",
            "Buy birthday present for dad|shopping,family", "Pick up kids from school|family", "Order new running shoes|shopping",
            "Go running|health", "Get flu jab|health", "Submit timesheet|work", "Return library books|errands",
            "Email HR about holiday allowance|email,work", "Plan holiday in Spain|personal", "Buy wrapping paper|shopping",
            "Buy bread and butter|errands", "Prepare budget presentation|work", "Make budget for december|finance",
            "Finish tax return|finance", "Return call from bank|finance", "Email landlord about heater|email",
            "Plan date night with partner|family", "Birthday party for Sam|personal"})
    void inferredTags(String title, String expected) {
        List<String> tags = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(Tags.infer(title)).as(title).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void explicitTags() {
        Tags.Found found = Tags.explicit("fix the sink #home #Urgent");
        assertThat(found.tags()).containsExactly("home", "urgent");
        assertThat(found.rest()).isEqualTo("fix the sink");
        assertThat(Tags.explicit("call Bob, tag it work and clients").tags()).containsExactly("work", "clients");
        assertThat(Tags.explicit("plan trip tagged travel").rest()).isEqualTo("plan trip");
        assertThat(Tags.vocabulary()).contains("email", "errands", "code-review");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "remind me to buy groceries|Buy groceries", "I need to call the plumber|Call plumber",
            "can you add a task to renew my passport|Renew passport", "Book a physio session for my back|Book physio session for back",
            "buy a lot of eggs|Buy a lot of eggs", "please don't forget to feed the cat thanks|Feed cat",
            "todo: wash the car|Wash car", "add a task to clean up|Clean up", "BUY MILK|Buy milk",
            "Could you please add pay rent for me, thanks!|Pay rent", "new task: email Ana|Email Ana",
            "remind me|", "add buy eggs and make it|Buy eggs",
            "ugh I keep forgetting, I need to get a blood test done|Get blood test", "buy bread on the way home|Buy bread",
            "grab milk on my way back from work|Grab milk",
            "the SSL certificate on the staging server expires, renew it|Renew SSL certificate on staging server",
            "milk and eggs, make it|Milk and eggs"})
    void titles(String text, String expected) {
        assertThat(Titles.clean(text)).as(text).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void quotedTitles() {
        assertThat(Titles.quoted("add 'Review quarterly report' for tomorrow")).isEqualTo("Review quarterly report");
        assertThat(Titles.quoted("add \"Plan offsite\" next month")).isEqualTo("Plan offsite");
        assertThat(Titles.quoted("call mom's friend")).isNull();
        assertThat(Titles.meaningful("the a")).isFalse();
        assertThat(Titles.meaningful("Buy milk")).isTrue();
        assertThat(Titles.clean("x".repeat(250))).hasSize(200);
    }

    @Test
    void words() {
        assertThat(Words.clean("remind me tmrw 🛒  to buy “milk”")).isEqualTo("remind me tomorrow to buy \"milk\"");
        assertThat(Words.clean(null)).isEmpty();
        assertThat(Words.corrected("wensday")).isEqualTo("wednesday");
        assertThat(Words.corrected("firday")).isEqualTo("friday");
        assertThat(Words.corrected("urgnet")).isEqualTo("urgent");
        assertThat(Words.corrected("money")).isEqualTo("money");
        assertThat(Words.corrected("incomplete")).isEqualTo("incomplete");
        assertThat(Words.corrected("remember")).isEqualTo("remember");
        assertThat(Words.distance("firday", "friday")).isEqualTo(1);
        assertThat(Words.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Words.tokens("I've got 2 PRs!")).containsExactly("i've", "got", "2", "prs");
        assertThat(Words.capitalise("")).isEmpty();
        assertThat(Words.capitalise("éclair")).isEqualTo("Éclair");
    }

    @Test
    void stems() {
        assertThat(Matching.stem("bought")).isEqualTo("buy");
        assertThat(Matching.stem("groceries")).isEqualTo(Matching.stem("grocery"));
        assertThat(Matching.stem("shopping")).isEqualTo(Matching.stem("groceries"));
        assertThat(Matching.stem("prepared")).isEqualTo(Matching.stem("prepare"));
        assertThat(Matching.stem("prep")).isEqualTo(Matching.stem("preparing"));
        assertThat(Matching.stem("fixes")).isEqualTo("fix");
        assertThat(Matching.stem("submitted")).isEqualTo("submit");
        assertThat(Matching.stem("studied")).isEqualTo("study");
        assertThat(Matching.stem("mom's")).isEqualTo("mom");
        assertThat(Matching.stem("q4")).isEqualTo("quarter");
        assertThat(Matching.concepts("I bought the groceries")).containsExactly("buy", "grocery");
    }

    private static Map<String, Object> task(long id, String title) {
        return Map.of("id", id, "title", title);
    }

    private static final List<Map<String, Object>> TASKS = List.of(task(1, "Buy groceries"), task(2, "Call mom"),
            task(3, "Prepare meeting slides"), task(4, "Fix production bug"), task(5, "Pay rent"),
            task(6, "Call mom about dinner"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bought the groceries|Buy groceries", "the grocery shopping|Buy groceries", "meeting prep|Prepare meeting slides",
            "the slides|Prepare meeting slides", "prod bug|Fix production bug", "paid the rent|Pay rent",
            "the production issue|Fix production bug", "call mom about dinner|Call mom about dinner",
            "Buy Groceries|Buy groceries", "grocries|Buy groceries"})
    void matchesByMeaning(String query, String expected) {
        Matching.Pick pick = Matching.pick(query, TASKS);
        assertThat(pick.task()).as(query).isNotNull();
        assertThat(pick.task().get("title")).as(query).isEqualTo(expected);
    }

    @Test
    void unclearMatchesGiveCandidatesAndNonsenseGivesNothing() {
        Matching.Pick pick = Matching.pick("call", TASKS);
        assertThat(pick.task()).isNull();
        assertThat(pick.candidates()).extracting(t -> t.get("title")).containsExactly("Call mom", "Call mom about dinner");
        assertThat(Matching.pick("piano lessons", TASKS).candidates()).isEmpty();
        assertThat(Matching.pick("piano lessons", TASKS).task()).isNull();
        assertThat(Matching.pick("the", TASKS).task()).isNull();
        assertThat(Matching.rank("rent", TASKS).get(0).task().get("title")).isEqualTo("Pay rent");
    }

    @Test
    void interpretsUpdatesAndLists() {
        Interpretation rename = Interpreter.interpret("rename call mom to call mom and dad", TODAY);
        assertThat(rename.intent()).isEqualTo(Intent.UPDATE);
        assertThat(rename.target()).isEqualTo("call mom");
        assertThat(rename.title()).isEqualTo("Call mom and dad");
        Interpretation later = Interpreter.interpret("push the gym to next monday", TODAY);
        assertThat(later.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(later.target()).isEqualTo("gym");
        Interpretation clear = Interpreter.interpret("remove the due date from pay rent", TODAY);
        assertThat(clear.clearDue()).isTrue();
        assertThat(clear.target()).isEqualTo("pay rent");
        ListQuery week = Interpreter.interpret("anything high priority this week?", TODAY).query();
        assertThat(week.arguments()).containsEntry("view", "upcoming").containsEntry("priority", "high");
        ListQuery overdue = Interpreter.interpret("what's overdue?", TODAY).query();
        assertThat(overdue.arguments()).containsEntry("due_before", "2026-11-18").containsEntry("status", "all");
        ListQuery tomorrow = Interpreter.interpret("what's due tomorrow?", TODAY).query();
        assertThat(tomorrow.arguments()).containsEntry("due_after", "2026-11-18").containsEntry("due_before", "2026-11-20");
        ListQuery next = Interpreter.interpret("what's due next week", TODAY).query();
        assertThat(next.arguments()).containsEntry("due_after", "2026-11-22").containsEntry("due_before", "2026-11-30");
        assertThat(Interpreter.interpret("what did I finish?", TODAY).query().arguments()).containsEntry("view", "completed");
        assertThat(Interpreter.interpret("show tasks tagged work", TODAY).query().tags()).containsExactly("work");
        assertThat(Interpreter.interpret("what am I working on", TODAY).query().status()).isEqualTo("in_progress");
        assertThat(Interpreter.interpret("show me all my tasks", TODAY).query().status()).isEqualTo("all");
    }

    @Test
    void createsWithANote() {
        Interpretation in = Interpreter.interpret("add call the bank tomorrow, note: ask about the fee", TODAY);
        assertThat(in.intent()).isEqualTo(Intent.CREATE);
        assertThat(in.title()).isEqualTo("Call bank");
        assertThat(in.description()).isEqualTo("ask about the fee");
        assertThat(in.dueDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void neverCreatesFromQuestionsOrNonsense() {
        for (String message : List.of("what's the weather", "asdfgh", "why is the sky blue?", "hmm", "", "   ", "!!!")) {
            assertThat(Interpreter.interpret(message, TODAY).intent()).as(message).isEqualTo(Intent.CHAT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I want to delete the gym task|DELETE|gym", "forget the flights|DELETE|flights", "forget it|CHAT|",
            "show me pay rent|GET|pay rent", "what is the gym task about?|GET|gym", "details please|GET|",
            "garage is clean now|COMPLETE|garage", "I fixed it|COMPLETE|it", "please close the production bug task|COMPLETE|production bug",
            "rent can wait till monday|UPDATE|rent", "the dentist appointment moved to Dec 2|UPDATE|dentist appointment",
            "can the slides wait until next week?|UPDATE|slides", "how many tasks did I complete|LIST|",
            "mark pay rent in progress|UPDATE|pay rent", "I'm working on the slides|UPDATE|slides",
            "which tasks are high priority?|LIST|", "Is anything overdue?|LIST|", "give me a quick overview|LIST|",
            "check the slides off my list|COMPLETE|slides", "what are the details of the dentist appointment?|GET|dentist appointment",
            "How do I add a task?|HELP|", "thanks, that's all|CHAT|", "what's the weather like tomorrow?|CHAT|",
            "remind me to check the weather forecast tomorrow|CREATE|", "can you call mom for me?|CREATE|", "I've got a doctor appointment next wednesday|CREATE|"})
    void intents(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, TODAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the SSL certificate on the staging server expires tomorrow|the SSL certificate on the staging server",
            "back from the gym|the gym", "I didn't actually submit the expense report yet|submit the expense report",
            "quarterly report reviewed|quarterly report reviewed", "passport renewal isn't finished after all|passport renewal"})
    void subjects(String statement, String expected) {
        assertThat(Titles.subject(statement)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a statement, then a command that refers back to it
            "the prod bug is fixed finally|COMPLETE|prod bug", "flights booked for the holiday!|COMPLETE|",
            "quarterly report reviewed, cross it off pls|COMPLETE|quarterly report reviewed", "back from the gym, tick that off|COMPLETE|gym",
            "the quarterly report got cancelled, just bin that task|DELETE|quarterly report",
            "passport renewal isn't finished after all, set it back to pending|REOPEN|passport renewal",
            "the slides aren't urgent anymore, set them to medium priority|UPDATE|slides", "mom call - make it urgent and do it tomorrow|UPDATE|mom call",
            "plants dont need a due date, clear it|UPDATE|plants", "milk and eggs tomorrow, make it urgent|CREATE|",
            "thanks, mark it done|COMPLETE|it", "hmm, delete it|DELETE|it", "hmm|CHAT|",
            // reports with an aside, remarks before a request
            "grocery shopping done, fridge is full|COMPLETE|grocery shopping", "get rid of the plants reminder, they died lol|DELETE|plants",
            "I'm sick, move the gym to friday|UPDATE|gym", "im so tired today ugh|CHAT|", "I'm new here, how does this work?|HELP|",
            "i'm lost, help pls|HELP|", "can u set due dates n stuff? how|HELP|",
            // reopen, update, get, list, create
            "the passport isnt actually renewed yet|REOPEN|the passport", "passport: not done after all|REOPEN|passport",
            "can u un-tick the expense report thing|REOPEN|the expense report thing", "put it back|REOPEN|it",
            "expense report - not finished, reopen pls|REOPEN|expense report", "the report isn't due till next month now|UPDATE|report",
            "dentist is actually on the 18th|UPDATE|dentist", "the quarterly report can slide to friday|UPDATE|quarterly report",
            "the report can wait|UPDATE|report", "gym in 3 days instead|UPDATE|gym", "the meeting slides need to be ready by thursday|UPDATE|meeting slides",
            "is the passport renewal done?|GET|passport renewal", "what tags does the dentist one have|GET|dentist",
            "did i submit the expense report?|GET|submit the expense report", "when do i need 2 book the flights by|GET|book the flights",
            "what priority is the slides task?|GET|slides", "has the report been done?|GET|report", "whens the dentist|GET|dentist",
            "wat do i have 2 do|LIST|", "what family stuff do i have|LIST|", "sort my tasks by due date pls|LIST|", "did i finish anything today?|LIST|",
            "do taxes asap|CREATE|", "get the car washed|CREATE|", "I got the car washed|COMPLETE|"})
    void generalFamilies(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, TODAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // polite and formal wrappers around a request
            "Would you be so kind as to remind me to buy a gift for my wife next week?|Buy gift for wife",
            "I'd be grateful if you could remind me to renew the car insurance|Renew car insurance",
            "Would it be possible to add a task to call the bank tomorrow?|Call bank",
            "May I ask you to remind me to water the garden on Sunday?|Water garden",
            "It would be kind of you to add a task to book the restaurant|Book restaurant",
            "I would appreciate a reminder to email the landlord next week|Email landlord",
            "Could I get a reminder to call the accountant on Monday?|Call accountant",
            // a non-native "remember me to", "I must not forget to"
            "Remember me to send the signed contract to the client on Monday.|Send signed contract to client",
            "I must not forget to cancel the magazine subscription.|Cancel magazine subscription",
            "I mustn't forget to call the vet tomorrow|Call vet", "I should not forget to send the thank-you cards|Send thank-you cards",
            // a label that only says "new task", before a colon or a dash
            "Please register a task: transfer the school fees|Transfer school fees", "Add to list: dinner with my parents|Dinner with parents",
            "Please put on my list: pick up the dry cleaning Saturday.|Pick up dry cleaning", "Schedule: one-on-one with my manager|One-on-one with manager",
            "Please make a note: buy printer ink tomorrow|Buy printer ink", "Note: book the hotel for the conference, high priority|Book hotel for conference",
            "New entry - renew the domain name|Renew domain name",
            "It would help me a lot if you could remind me to call the bank tomorrow.|Call bank",
            "Could you do me a favour and remind me to water the plants tonight?|Water plants", "I need a reminder to call the vet|Call vet"})
    void politeAndLabelledRequests(String message, String title) {
        Interpretation in = Interpreter.interpret(message, TODAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.CREATE);
        assertThat(in.title()).as(message).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // lists: "enumerate", "itemise", and a bare noun phrase for the open tasks
            "Please enumerate my tasks by priority.|LIST|", "Itemize my to-dos.|LIST|", "Open items?|LIST|",
            "Outstanding points, please.|LIST|", "remaining action items|LIST|", "Open the garage task|GET|garage",
            // meta questions about the assistant
            "Could you tell me how to use this assistant?|HELP|", "What kind of requests do you support?|HELP|",
            "Which features does this app offer?|HELP|", "How should I talk to you?|HELP|", "Can you explain how this works?|HELP|",
            "What are your commands?|HELP|", "What kind of music do you like?|CHAT|", "What kinds of tasks do I have?|LIST|",
            "Is it possible to set priorities?|HELP|",
            // "the task about/regarding X"; a polite request put as a question still acts
            "Could you mark the task about the meeting slides as completed?|COMPLETE|meeting slides",
            "Please tick off the item regarding the rent.|COMPLETE|rent", "groceries done?|CHAT|",
            // a visit that was the task
            "I have been to the gym this morning.|COMPLETE|gym", "We were at the dentist today|COMPLETE|dentist",
            // reopening: "put X back on my list", "reactivate", "reinstate", "resurrect", "unarchive"
            "Put the passport renewal back on my list.|REOPEN|the passport renewal", "Reactivate the passport task, please.|REOPEN|the passport task",
            "Reinstate the expense report|REOPEN|the expense report", "Unarchive the expense report|REOPEN|the expense report",
            "Put milk on my list|CREATE|", "Bring the laptop back to the office|CREATE|",
            // deleting: "wipe out", "purge", "do away with"; chores with the same verbs stay tasks
            "Wipe out the passport task.|DELETE|passport", "Toss the reminder about the plants|DELETE|plants",
            "Please purge the expense report task.|DELETE|expense report", "Do away with the garage task.|DELETE|garage",
            "wipe the kitchen counters tomorrow|CREATE|", "dump the trash on friday|CREATE|",
            // tag edits in formal words
            "Attach the label 'work' to the gym task.|UPDATE|gym", "Set the tags of the plants task to home.|UPDATE|plants",
            "The quarterly report should be retagged as work and finance.|UPDATE|quarterly report",
            "rename the slides task -> 'Prepare Q1 slides'|UPDATE|slides", "Rename the plants task: 'Water the garden plants'|UPDATE|plants",
            // modal "when" questions, "Details: X"
            "When must the flights be booked?|GET|flights be booked", "By when should the slides be ready?|GET|slides",
            "Until when do I have to book the flights?|GET|book the flights", "When is the deadline for the quarterly report?|GET|quarterly report",
            "Details: quarterly report.|GET|quarterly report", "Info - the garage task|GET|garage", "flight details|GET|flight",
            "When should we meet?|CHAT|",
            // a question or a request to see inside a formal phrase
            "Could you tell me when the dentist appointment is?|GET|dentist appointment", "I would like to know which tasks are overdue.|LIST|",
            "I would like to know the priority of the garage task.|GET|garage", "May I see my tasks for tomorrow?|LIST|",
            "Kindly provide me a list of my pending tasks.|LIST|", "I would like an overview of everything due this week.|LIST|",
            "I would like to know more about the gym task|GET|gym", "What exactly is the slides task about?|GET|slides", "May I have a coffee|CHAT|",
            // engine-only verbs after "I need to"; "has to be done again"; tags named in quotes; "take X off my list"
            "I need to reopen the expense report, it was rejected.|REOPEN|", "I have to delete my old facebook account|CREATE|",
            "The passport renewal has to be done again.|REOPEN|The passport renewal", "the car needs doing|CHAT|",
            "Remove the tag 'work' from the slides task.|UPDATE|slides", "Take the plants task off my list.|DELETE|plants",
            // help: "how does one…", "what are the possibilities?", "give me an example"
            "How does one add a task here?|HELP|", "What are the possibilities?|HELP|", "Give me an example of what I can ask.|HELP|"})
    void businesslikeFamilies(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, TODAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    /** Tuesday, the ninth held-out set's day. */
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Spanish and French words that carry the request; the task's own words are kept
            "necesito call the dentist mañana|CREATE|Call dentist|2026-12-16|", "por favor remind me to pay the electricity bill|CREATE|Pay electricity bill||",
            "add renew the car insurance, es urgente|CREATE|Renew car insurance||high", "add a task to clean the kitchen, sin prisa|CREATE|Clean kitchen||low",
            "remind me to water the garden, pas urgent|CREATE|Water garden||low", "organize las fotos demain|CREATE|Organize las fotos|2026-12-16|",
            // spoken filler: um, uh, erm, "to like <verb>", "so yeah"
            "uh call the um plumber tomorrow|CREATE|Call plumber|2026-12-16|", "remind me to like buy stamps so yeah|CREATE|Buy stamps||",
            "I'd like to buy something I like|CREATE|Buy something I like||",
            // holidays and the end of a working day
            "remind me to decorate the tree on christmas eve|CREATE|Decorate tree|2026-12-24|", "book a table for new year's eve|CREATE|Book table|2026-12-31|",
            "call grandma on christmas day|CREATE|Call grandma|2026-12-25|", "buy presents by christmas|CREATE|Buy presents|2026-12-25|",
            "email grandma the christmas photos|CREATE|Email grandma christmas photos||", "send dad the photos from thanksgiving|CREATE|Send dad photos from thanksgiving||",
            "finish the release notes by EOD friday|CREATE|Finish release notes|2026-12-18|", "merge the feature branch tomorrow EOD|CREATE|Merge feature branch|2026-12-16|",
            "send the invoice by COB|CREATE|Send invoice|2026-12-15|", "Interview the candidate Thu|CREATE|Interview candidate|2026-12-17|",
            // a date taken back and said again
            "remind me to call the vet on thursday, no wait, friday|CREATE|Call vet|2026-12-18|",
            "add pay the phone bill tomorrow, I mean wednesday|CREATE|Pay phone bill|2026-12-16|",
            "book the dentist for next tuesday, no wait, wednesday|CREATE|Book dentist|2026-12-23|", "buy milk, no rush|CREATE|Buy milk||low",
            // a remark after the request that only says how urgent it is; formal and engineering requests
            "Please add a task to post the cards on Friday. It is quite urgent.|CREATE|Post cards|2026-12-18|high",
            "I should like to write to the Hendersons. There is no rush.|CREATE|Write to Hendersons||low",
            "Call Dr. Patel tomorrow. It is rather important.|CREATE|Call Dr. Patel|2026-12-16|high",
            "I should like a reminder to telephone the council next week.|CREATE|Telephone council|2026-12-21|",
            "Please note that I must collect my prescription.|CREATE|Collect prescription||",
            "open a ticket to fix the flaky login test|CREATE|Fix flaky login test||", "create an issue for the broken toggle, low priority|CREATE|Broken toggle||low",
            "!! restart the staging server|CREATE|Restart staging server||high", "do my taxes someday lol|CREATE|Do taxes||low",
            "cancel the gym membership before new years day|CREATE|Cancel gym membership|2027-01-01|"})
    void mixedLanguagesDictationAndFormalRequests(String message, String intent, String title, String due, String priority) {
        Interpretation in = Interpreter.interpret(message, TUESDAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        assertThat(in.title()).as(message).isEqualTo(title);
        assertThat(in.dueDate()).as(message).isEqualTo(due == null ? null : LocalDate.parse(due));
        assertThat(in.priority()).as(message).isEqualTo(priority);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a software engineer's and a manager's words are work; a student's project is not
            "Write postmortem for outage|work", "Update API docs|work", "Rotate AWS keys|work", "Bump node version in CI|work",
            "Send offer letter to candidate|work", "Perf reviews|work", "Invoice Acme for November|work", "Pay the invoice|finance",
            "Group project meeting|meeting", "Finish school project|", "Email John about project meeting|email,work,meeting",
            // personal gives way to work and errands; wrapping presents is no shopping
            "Get groceries for party|errands", "Buy milk and bread for party|errands", "Email team holiday schedule|email,work",
            "Plan surprise party for Lisa|personal", "Buy birthday gift for Sarah|shopping,personal", "Wrap presents for kids|family",
            "Buy wrapping paper|shopping", "Post grandson's birthday card|family", "Wrap gifts for nieces|family"})
    void tagsForTheNinthSetsWriters(String title, String expected) {
        List<String> tags = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(Tags.infer(title)).as(title).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void aTagTheUserNamedCountsAsStrong() {
        assertThat(Tags.infer("Plan Mia's birthday party")).containsExactly("personal");
        assertThat(Tags.infer("Plan Mia's birthday party", List.of("family"))).containsExactly("family");
        assertThat(Interpreter.interpret("add 'Plan Mia's birthday party' and tag it family", TUESDAY).tags()).containsExactly("family");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a command after its task's name, a command verb as a label
            "garage: move to next month|UPDATE|garage", "Expense report: retag as work only|UPDATE|Expense report", "gym - delete|DELETE|gym",
            "rent: mark as done|COMPLETE|rent", "Passport renewal: reopen|REOPEN|Passport renewal", "Plants: make it high priority|UPDATE|Plants",
            "Remove: Prepare meeting slides|DELETE|Prepare meeting slides", "Reopen - Renew passport|REOPEN|Renew passport",
            "Todo: move the car|CREATE|", "Note: delete old photos|CREATE|",
            // dictation without punctuation
            "the gym thing delete it|DELETE|gym", "um the rent thing mark it done|COMPLETE|rent",
            "the passport thing set it back to not done they rejected my photo|REOPEN|passport",
            "the passport thing isnt done actually reopen it|REOPEN|passport", "I want to move it to friday|UPDATE|it",
            // a completion made by mistake
            "I marked the expense report done by mistake|REOPEN|the expense report", "I accidentally completed the passport task|REOPEN|the passport task",
            "the expense report was marked complete in error|REOPEN|the expense report",
            "I am afraid I marked the passport task complete in error. Would you restore it to pending?|REOPEN|the passport task",
            // deadlines stated, questions about one task
            "gym deadline is now saturday|UPDATE|gym", "the rent due date is the 20th now|UPDATE|rent", "the deadline is friday|CHAT|",
            "when was the dentist due?|GET|dentist", "is there a deadline for the garage?|GET|garage", "is there a priority on the rent task|GET|rent",
            "when am I meant to water the plants?|GET|water the plants", "May I have the particulars of the dentist appointment?|GET|dentist appointment",
            "Could you tell me the particulars of the passport task?|GET|passport",
            // reports: a verb whose past is its present, "worked out", a command that names the task, permission
            "hit the gym earlier|COMPLETE|hit the gym", "read chapter 7 tomorrow|CREATE|", "worked out today, tick off the gym|COMPLETE|worked out",
            "did my workout this morning|COMPLETE|", "I have now paid the rent, you may tick it off.|COMPLETE|",
            "so yeah I called mom|COMPLETE|", "the deck is done LGTM|COMPLETE|deck",
            "John's meeting got cancelled so trash that email task|DELETE|email", "nobody needs the slides anymore so nix that slides task|DELETE|slides",
            "I no longer require the reminder about the plants. Please remove it.|DELETE|plants",
            "The dentist appointment is cancelled, please delete the task.|DELETE|dentist appointment",
            "calling mom is important, flag it high|UPDATE|calling mom", "hey the prod bug fix, tag it code-review as well|UPDATE|prod bug fix",
            // lists by their kind, foreign commands
            "errands list pls|LIST|", "work list|LIST|", "lista de tareas please|LIST|", "any PRs I need to review?|LIST|",
            "borra the groceries task|DELETE|groceries", "supprime the call mom task please|DELETE|call mom", "ayuda|HELP|", "gracias!|CHAT|"})
    void ninthSetFamilies(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, TUESDAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    @Test
    void remarksAfterARequestAreNoPartOfItsTitle() {
        assertThat(Titles.withoutRemarks("appointment with Dr. Patel? It is rather")).isEqualTo("appointment with Dr. Patel?");
        assertThat(Titles.withoutRemarks("call Bob. He is nice")).isEqualTo("call Bob. He is nice");
        assertThat(Titles.withoutRemarks("one sentence")).isEqualTo("one sentence");
        assertThat(Matching.concepts("worked out this morning")).contains("gym");
        assertThat(Matching.pick("plane tickets for the holiday", List.of(Map.of("id", 1, "title", "Book flights for vacation"),
                Map.of("id", 2, "title", "Buy groceries"))).task()).containsEntry("id", 1);
    }

    @Test
    void labelsThatAreNotRequests() {
        assertThat(Titles.requestBody("Details: quarterly report")).isNull();
        assertThat(Titles.requestBody("List: health")).isNull();
        assertThat(Titles.requestBody("Call mom: due Sunday")).isNull();
        assertThat(Titles.requestBody("Add to list: dinner")).isEqualTo("dinner");
        assertThat(Interpreter.interpret("New item: buy winter tyres. Low priority.", TODAY).tags()).containsExactly("shopping");
        assertThat(Tags.infer("Check the car tires")).isEmpty();
        assertThat(Tags.infer("Transfer school fees for son")).containsExactlyInAnyOrder("finance", "family");
        Interpretation tags = Interpreter.interpret("Please add the tag 'family' to the garage task.", TODAY);
        assertThat(tags.tags()).containsExactly("family");
        assertThat(tags.removeTags()).isEmpty();
        Interpretation replaced = Interpreter.interpret("Replace the tags of the gym task with health and personal.", TODAY);
        assertThat(replaced.tags()).containsExactly("health", "personal");
        assertThat(replaced.removeTags()).containsExactly("*");
        assertThat(Interpreter.interpret("The slides should be tagged as urgent.", TODAY).removeTags()).isEmpty();
        assertThat(Interpreter.interpret("rename flights task \u2192 'Book flights to Tokyo'", TODAY).title()).isEqualTo("Book flights to Tokyo");
        assertThat(Words.clean("dentist \u2192 friday")).isEqualTo("dentist -> friday");
        Interpretation mom = Interpreter.interpret("Call mom: due Sunday.", TODAY);
        assertThat(Interpreter.verbless("Call mom: due Sunday.", mom, TODAY)).isTrue();
        assertThat(Interpreter.verbless("Call mom tomorrow", Interpreter.interpret("Call mom tomorrow", TODAY), TODAY)).isFalse();
        assertThat(Interpreter.verbless("Task: call mom, due Sunday", Interpreter.interpret("Task: call mom, due Sunday", TODAY), TODAY)).isFalse();
    }

    @Test
    void statementsCarryTheirChanges() {
        Interpretation rent = Interpreter.interpret("rent's due jan 1st now, update it", TODAY);
        assertThat(rent.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(rent.target()).isEqualTo("rent");
        assertThat(Interpreter.interpret("the slides aren't urgent anymore, set them to medium priority", TODAY).priority()).isEqualTo("medium");
        Interpretation mom = Interpreter.interpret("mom call - make it urgent and do it tomorrow", TODAY);
        assertThat(mom.priority()).isEqualTo("high");
        assertThat(mom.dueDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(Interpreter.interpret("plants dont need a due date, clear it", TODAY).clearDue()).isTrue();
        Interpretation retag = Interpreter.interpret("retag the gym task: health and personal", TODAY);
        assertThat(retag.tags()).containsExactly("health", "personal");
        assertThat(retag.removeTags()).containsExactly("*");
        assertThat(Interpreter.interpret("tag the garage thing as family too, the kids r helping", TODAY).tags()).containsExactly("family");
        assertThat(Interpreter.interpret("tag the gym one personal as well", TODAY).tags()).containsExactly("personal");
        Interpretation ssl = Interpreter.interpret("urgent: the SSL certificate on the staging server expires tomorrow, renew it", TODAY);
        assertThat(ssl.title()).isEqualTo("Renew SSL certificate on staging server");
        assertThat(ssl.priority()).isEqualTo("high");
        assertThat(ssl.dueDate()).isEqualTo(TODAY.plusDays(1));
        Interpretation laptop = Interpreter.interpret("its critical that i back up the laptop tonight", TODAY);
        assertThat(laptop.title()).isEqualTo("Back up laptop");
        assertThat(laptop.priority()).isEqualTo("high");
        assertThat(Interpreter.interpret("ok so i need 2 get the car serviced by thurs, its kinda urgent", TODAY).title()).isEqualTo("Get car serviced");
        assertThat(Interpreter.interpret("book haircut for sat", TODAY).dueDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(Interpreter.interpret("add task: prepare slides for monday's meeting", TODAY).dueDate()).isNull();
    }

    @Test
    void chatShorthands() {
        assertThat(Words.clean("wat do i have 2 do")).isEqualTo("what do i have to do");
        assertThat(Words.clean("i have 2 tickets")).isEqualTo("i have 2 tickets");
        assertThat(Words.clean("milk n eggs w/ bread")).isEqualTo("milk and eggs with bread");
        assertThat(Words.clean("remnd me 2 cal the plumber abt the leak")).isEqualTo("remind me to call the plumber about the leak");
        assertThat(Words.clean("pay the electricty bill, call the electrician")).isEqualTo("pay the electricity bill, call the electrician");
        assertThat(Words.clean("flights r booked")).isEqualTo("flights are booked");
    }

    @Test
    void quotedTitlesOnlyWhenTheRestIsFiller() {
        assertThat(Interpreter.interpret("Read \"Atomic Habits\"", TODAY).title()).isEqualTo("Read \"Atomic Habits\"");
        assertThat(Interpreter.interpret("put down 'Get the oil changed' for Monday", TODAY).title()).isEqualTo("Get the oil changed");
        assertThat(Interpreter.interpret("Add milk to the shopping list", TODAY).title()).isEqualTo("Buy milk");
        assertThat(Interpreter.interpret("remind me at 5pm to call the bank", TODAY).dueDate()).isEqualTo(TODAY);
        assertThat(Words.corrected("rescheduled")).isEqualTo("rescheduled");
        assertThat(Words.corrected("meetings")).isEqualTo("meetings");
    }

    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 17);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // how urgent or when, as a clause before the task
            "no rush, fix the squeaky door|CREATE|", "when I get a chance, organize the bookshelf|CREATE|",
            "someday, learn to play the piano|CREATE|", "asap, call the insurance company|CREATE|",
            // a visit reported without its subject
            "Been to the dentist|COMPLETE|dentist", "just been to the post office|COMPLETE|post office",
            // put back on a list of open tasks
            "put it back on my open tasks|REOPEN|it", "move it back to my to-do list|REOPEN|it", "add it back to my list|REOPEN|it",
            "add the passport task back to my list|REOPEN|the passport task",
            "the expense report got rejected, put it back on my open tasks|REOPEN|expense report",
            // moving earlier; someone else moved my task
            "bring the dentist appointment forward to tomorrow|UPDATE|dentist appointment", "bring forward the dentist to friday|UPDATE|dentist",
            "pull the gym forward to monday|UPDATE|gym", "the dentist moved my appointment to the 29th|UPDATE|dentist appointment",
            "the plumber rescheduled our visit for tuesday|UPDATE|plumber visit",
            // being late with a task, then a command on it
            "I need more time on the quarterly report, push it to next week|UPDATE|quarterly report",
            "i will need more time for the slides, move it to monday|UPDATE|slides",
            "I am running behind on the slides, move them to friday|UPDATE|slides",
            // a remark about oneself, then a command that names its task
            "I'm not going on vacation anymore, delete the flights task|DELETE|flights", "I changed my mind, delete the gym task|DELETE|gym",
            // lists of priorities; chores that start like commands
            "what are my top priorities?|LIST|", "drop off the parcel at the post office|CREATE|", "drop the kids off at school tomorrow|CREATE|"})
    void tenthSetFamilies(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, THURSDAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    @Test
    void tenthSetEntities() {
        Interpretation door = Interpreter.interpret("no rush, fix the squeaky door", THURSDAY);
        assertThat(door.title()).isEqualTo("Fix squeaky door");
        assertThat(door.priority()).isEqualTo("low");
        assertThat(Interpreter.interpret("what are my top priorities?", THURSDAY).query().priority()).isEqualTo("high");
        assertThat(Interpreter.interpret("the dentist moved my appointment to the 29th", THURSDAY).dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
        Interpretation instead = Interpreter.interpret("tag the plants task as personal instead of home", THURSDAY);
        assertThat(instead.tags()).containsExactly("personal");
        assertThat(instead.removeTags()).containsExactly("home");
        Interpretation retag = Interpreter.interpret("retag the plants task as personal instead of home", THURSDAY);
        assertThat(retag.tags()).containsExactly("personal");
        assertThat(retag.removeTags()).containsExactly("*");
        // a chore whose verb is also a command is a new task only when no task is meant
        Interpretation finish = Interpreter.interpret("finish the kitchen renovation project", THURSDAY);
        assertThat(Interpreter.asNewTask("finish the kitchen renovation project", finish, THURSDAY).title()).isEqualTo("Finish kitchen renovation project");
        Interpretation done = Interpreter.interpret("mark the kitchen project as done", THURSDAY);
        assertThat(Interpreter.asNewTask("mark the kitchen project as done", done, THURSDAY)).isNull();
        Interpretation finished = Interpreter.interpret("finish the kitchen project done", THURSDAY);
        assertThat(Interpreter.asNewTask("finish the kitchen project done", finished, THURSDAY)).isNull();
        assertThat(Interpreter.asNewTask("finish it", Interpreter.interpret("finish it", THURSDAY), THURSDAY)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a product's words are work: its website, login, crashes, security, docs, services
            "Fix login page crash on our website|work", "Review design doc|work", "Patch security vulnerability in auth service|work",
            "Write unit tests for payment service|work", "Ask boss about promotion|work", "Migrate old tickets to new board|work",
            // false work: a home project, a deck outside, the doctor's office, before work, reporting a pothole, the sales
            "Finish kitchen renovation project|home", "Stain deck|home", "Call doctor's office to reschedule checkup|health",
            "Walk dog before work|", "Report pothole to council|", "Check january sales for new sofa|shopping", "Work out at gym|health",
            // the house: rooms, fittings, appliances, outside, and their chores
            "Organize bookshelf|home", "Fix squeaky door|home", "Change bedsheets|home", "Replace smoke alarm battery|home",
            "Clear gutters|home", "Hang new curtains in living room|home", "Descale kettle|home", "Unclog shower drain|home",
            "Iron shirts for week|home", "Put away christmas decorations|home", "Visit grandpa at care home|family",
            "Check oven is off|",
            // goods, when bought; a card bought, not a credit card; returning is an errand; a charity shop is a place
            "Buy christmas tree|shopping", "Buy christmas wreath for front door|shopping", "Get birthday card for sister|family,shopping",
            "Back up photos on laptop|", "Put tax receipts in order|finance", "Return jacket to zara|errands",
            "Drop off donations at charity shop|errands", "Send mom birthday card|family",
            // answering, not by email; returning a call is no errand
            "Reply to grandma's letter|family", "Reply to Tom's email|email", "Return dad's call|family",
            // health, finance, personal words
            "Go for 5k run|health", "Start meditating every morning|health", "Check credit score|finance",
            "Book couples massage for valentine's|personal"})
    void tagsForEverydayLife(String title, String expected) {
        List<String> tags = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(Tags.infer(title)).as(title).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void cancellingWhatOneHasIsANewTask() {
        assertThat(Interpreter.interpret("cancel the gym membership", THURSDAY).intent()).isEqualTo(Intent.CREATE);
        assertThat(Interpreter.interpret("cancel my streaming subscription", THURSDAY).title()).isEqualTo("Cancel streaming subscription");
        assertThat(Interpreter.interpret("cancel the gym membership task", THURSDAY).intent()).isEqualTo(Intent.DELETE);
        assertThat(Interpreter.interpret("cancel the dentist appointment", THURSDAY).intent()).isEqualTo(Intent.DELETE);
        assertThat(Interpreter.interpret("whenever you can, sort the recycling", THURSDAY).title()).isEqualTo("Sort recycling");
        assertThat(Interpreter.interpret("no hurry, but replace the shower curtain", THURSDAY).title()).isEqualTo("Replace shower curtain");
        assertThat(Interpreter.interpret("descale the kettle", THURSDAY).intent()).isEqualTo(Intent.CREATE);
    }

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 21);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // drawn-out words of talk and misspelt adverbs of a report
            "sooo what's next on my list|LIST|", "okkk show me my tasks|LIST|", "finaly done reviewing the quartrly report|COMPLETE|reviewing the quarterly report",
            "i actualy finished the slides|COMPLETE|slides", "alredy paid the rent|COMPLETE|paid the rent",
            // no longer done: reopened
            "the expense report submission is not done anymore|REOPEN|the expense report submission", "the passport renewal is no longer done|REOPEN|the passport renewal",
            "the expense report isn't finished anymore|REOPEN|the expense report",
            "finance asked for changes, so the expense report submission is not done anymore|REOPEN|the expense report submission",
            // a report, then a command on a task it names: the command is the request
            "the passport application bounced, so uncheck the passport renewal|REOPEN|the passport renewal",
            "the car battery died, so move the gym to friday|UPDATE|gym", "my photo got rejected, so reopen the passport renewal|REOPEN|the passport renewal",
            // a noun that is also a verb, then "is" or a modal, is the subject of a statement
            "rent is less pressing now, set it to medium priority|UPDATE|rent", "rent can wait, make it low priority|UPDATE|rent",
            "water the plants is more pressing now|UPDATE|water the plants", "rent a car for the trip|CREATE|",
            // a tag edit without its task acts on the task in focus (or the one named before it)
            "the expense report is finance only, drop the work tag|UPDATE|expense report", "drop the work tag|UPDATE|it",
            "call mom is family stuff, add the personal tag|UPDATE|call mom",
            // a field, a colon, its value
            "due date for the slides: the 29th|UPDATE|slides", "deadline for the quarterly report: friday|UPDATE|quarterly report",
            "priority for the garage: high|UPDATE|garage", "the priority of the slides should be low|UPDATE|slides",
            // no need for it any more
            "no need for the rent reminder anymore, delete it|DELETE|rent", "there's no need for the gym task anymore|DELETE|gym",
            "the dentist appointment is no longer needed|DELETE|dentist appointment", "the dentist appointment isn't needed anymore|DELETE|dentist appointment",
            // how urgent one task is; everything on it
            "how urgent is cleaning the garage?|GET|cleaning the garage", "how important is the dentist appointment?|GET|dentist appointment",
            "how urgent is it to call mom|GET|call mom", "give me everything you have on the prod bug task|GET|prod bug",
            "what do you have on the quarterly report?|GET|quarterly report", "tell me all you know about the flights task|GET|flights",
            // how to, explained; looking something up is a chore
            "Can you explain how to mark something as done?|HELP|", "could you show me how to add tags?|HELP|",
            "Look up recipes for the holiday dinner|CREATE|", "look up the dentist appointment task|GET|dentist appointment"})
    void eleventhSetFamilies(String message, String intent, String target) {
        Interpretation in = Interpreter.interpret(message, MONDAY);
        assertThat(in.intent()).as(message).isEqualTo(Intent.valueOf(intent));
        if (target != null) {
            assertThat(in.target()).as(message).isEqualTo(target);
        }
    }

    @Test
    void eleventhSetEntities() {
        assertThat(Interpreter.interpret("rent is less pressing now, set it to medium priority", MONDAY).priority()).isEqualTo("medium");
        assertThat(Interpreter.interpret("rent is less pressing now", MONDAY).priority()).isEqualTo("low");
        assertThat(Interpreter.interpret("the garage is no longer urgent", MONDAY).priority()).isEqualTo("low");
        assertThat(Interpreter.interpret("priority for the garage: top", MONDAY).priority()).isEqualTo("high");
        assertThat(Interpreter.interpret("priority of the gym is normal", MONDAY).priority()).isEqualTo("medium");
        assertThat(Interpreter.interpret("due date for the slides: the 29th", MONDAY).dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
        Interpretation drop = Interpreter.interpret("the expense report is finance only, drop the work tag", MONDAY);
        assertThat(drop.removeTags()).containsExactly("work");
        Interpretation add = Interpreter.interpret("add the personal tag too", MONDAY);
        assertThat(add.tags()).containsExactly("personal");
        assertThat(add.target()).isEqualTo("it");
        assertThat(Interpreter.interpret("Look up recipes for the holiday dinner", MONDAY).title()).isEqualTo("Look up recipes for holiday dinner");
        // drawn-out letters: one for words of talk, two for the rest; a word of one letter repeated stays
        assertThat(Words.undrawn("sooo pleeease, goood job, AAA batteries")).isEqualTo("so please, good job, AAA batteries");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a dental cleaning is no chore; cleaning is
            "Call dentist to reschedule cleaning|health", "Book teeth cleaning at dentist|health", "Clean bathroom|home",
            // mailing a thing by post is an errand, not an email; mailing an invoice may be
            "Go to post office friday to mail package|errands", "Mail parcel to grandma|errands,family", "Mail invoice to client|email,work,finance",
            // quarterly taxes are money, a quarterly review is work
            "File quarterly taxes|finance", "Prepare quarterly review deck|work",
            // cooking is a chore at home unless it is for someone
            "Cook dinner for parents on sunday|family", "Cook dinner|home", "Cook dinner for team offsite|work",
            // household goods, when bought, are shopping
            "Buy new vacuum cleaner|shopping", "Order new washing machine|shopping", "Fix washing machine|home",
            // the company's paperwork
            "Send signed NDA to legal|work", "Get contract reviewed by legal team|work", "Email vendor about invoice|email,work,finance"})
    void tagsForTheEleventhSet(String title, String expected) {
        List<String> tags = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(Tags.infer(title)).as(title).containsExactlyInAnyOrderElementsOf(tags);
    }
}

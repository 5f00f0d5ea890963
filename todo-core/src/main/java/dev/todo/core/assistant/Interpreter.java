package dev.todo.core.assistant;

import dev.todo.core.Recurrence;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message on its own and says what it asks for ({@link Interpretation}). Rules are tried in a
 * fixed order, most specific first: help and small talk, tag and note edits, explicit "add"/"remind me"
 * requests, changes to many tasks, reopen, delete, update, complete, show one task, list, and finally a
 * task-like sentence ("buy milk tomorrow") is taken as a new task. Anything else is small talk.
 */
public final class Interpreter {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /**
     * A polite or formal wrapper around a request, which says nothing about it: "would you be so kind as to…",
     * "I'd be grateful if you could…", "may I ask you to…", "would it be possible to…", "it would be kind of you to…".
     */
    static final String POLITE_WRAPPER = "(?:it'd|it would|that'd|that would) be (?:really |very |so |most )?(?:great|nice|awesome|good|helpful|kind|lovely"
            + "|wonderful|perfect|fantastic) (?:if you (?:could|can|would)(?: please)?|of you to)"
            + "|(?:would|could|will) you be (?:so kind as|kind enough|good enough|so good as) (?:to|and)|(?:please )?be (?:so kind as|kind enough) to"
            + "|i(?:'d| would| will) be (?:very |really |most |so )?(?:grateful|thankful|glad|happy|obliged) if you (?:could|would|can)(?: please)?"
            + "|i(?:'d| would) (?:really |very much |greatly )?appreciate (?:it )?if you (?:could|would|can)(?: please)?"
            + "|(?:may|might|can|could) i (?:kindly )?ask you to|i(?:'d| would)? (?:kindly )?(?:like to )?ask you to|i(?:'m| am) (?:kindly )?asking you to"
            + "|(?:would|will) it be possible (?:for you )?to|is it possible for you to|if you (?:could|would|can)(?: please)?"
            + "|(?:it'd|it would|that'd|that would|it will) (?:really )?help(?: me)?(?: a lot| a great deal| so much)? if you (?:could|can|would)(?: please)?"
            + "|(?:(?:could|can|would|will) you )?(?:please )?do me a (?:favou?r|kindness)(?: and| by)?(?: please)?"
            // "I would appreciate a reminder to…", "could I get a reminder to…": asking for the task by its name.
            + "|(?:i(?:'d| would| should) (?:really |very much |greatly )?(?:appreciate|welcome|like|love|be (?:grateful|thankful) for)"
            + "|(?:can|could|may) i (?:please )?(?:get|have)|(?:please )?(?:give|set|create|make) me|i (?:really )?(?:need|want))"
            + "(?=\\s+(?:a|an|another|one more)\\s+(?:reminder|task|todo|to-do|entry|note)\\s*(?::|to|for|about|that|saying|called)\\b)";
    private static final Pattern POLITE_START = Pattern.compile("^(?:" + POLITE_WRAPPER
            + "|would you mind|do you mind|i was wondering if you could|i wonder if you could|oops|whoops|wait|hmm+|ugh|now|then|and|also|plus|thanks|thank you|thx|cheers|actually|let's|lets|let us|hey there|hi there|hello there|hey|hi|hello|yo"
            + "|good (?:morning|afternoon|evening)|ok(?:ay)?|so|um+|uh+|oh|alright|well|assistant|please|pls|kindly"
            + "|(?:could|can|would|will) (?:you|u|we)(?: please| pls)?(?: (?:just|quickly|go ahead and))?|shall we"
            + "|i(?:'d| would| should) like (?:you )?to|i want you to|quick(?:ly)?|just"
            // "you may mark that as complete", "you can tick it off": permission, said of a command
            + "|you (?:may|can|could|might)(?: now| just| go ahead and)?)\\b[\\s,!.:;-]*", FLAGS);
    /** A request put as a question ("could you…?", "would you be so kind as to…?"): it asks for an action. */
    private static final Pattern POLITE_REQUEST = Pattern.compile("^(?:(?:hey|hi|please|ok|so),?\\s+)*(?:(?:can|could|would|will) (?:you|u)\\b"
            + "|(?:" + POLITE_WRAPPER + ")\\b)", FLAGS);
    private static final Pattern POLITE_END = Pattern.compile("(?:[\\s,!.;:]*\\b(?:please|pls|thanks|thank you|thx"
            + "|cheers|thanks a lot|thank you so much|ty|for me|if you can|if possible|when you can|asap please|lol|haha+|lmao|yay|phew|woo+hoo+|lgtm|woot|whew)\\b)?"
            + "[\\s,!.?;:)(]*$", FLAGS);

    /** The assistant, as a user names it in a question about it. */
    private static final String ASSISTANT = "(?:you|u|this|it|this thing|(?:the|this) (?:assistant|app|bot|tool|chat|chatbot|service|system))";
    /**
     * Meta questions about the assistant: how to use it ("could you tell me how to use this assistant?", "how should
     * I talk to you?", "explain how this works"), and what it supports ("what kind of requests do you support?",
     * "which features does this assistant offer?", "what are your commands?").
     */
    private static final String ABOUT_THE_ASSISTANT = "(?:(?:tell|show|teach) me|explain(?: to me)?|describe|i (?:want|would like|'d like) to know)?\\s*"
            + "(?:how (?:to|do i|can i|should i|do you|does one|would i) (?:use|work with|talk to|speak to|write to|get started with|start with|ask)\\s+" + ASSISTANT
            + "(?: properly| correctly| best)?|how " + ASSISTANT + " works?|what " + ASSISTANT + " (?:can|could|is able to) do(?: for me)?"
            + "|what i can (?:do|ask|say|type)(?: here| you)?)"
            + "|(?:what|which)(?: (?:kinds?|sorts?|types?) of)? (?:requests|commands|features|functions|functionality|instructions|questions|inputs|phrases"
            + "|actions|capabilities|abilities|options|things) (?:do|can|does|will) " + ASSISTANT
            + " (?:support|understand|accept|handle|offer|provide|know|recogni[sz]e|process|take|respond to|do)"
            + "|what (?:does|do|can) " + ASSISTANT + " (?:support|understand|offer|handle|provide)"
            + "|(?:what are|list|show me|tell me|explain) (?:all )?your (?:features|capabilities|commands|functions|abilities|options|skills)";
    private static final Pattern HELP = Pattern.compile("^(?:help|help me|\\?+|what can you do|what (?:else )?can you"
            + " (?:help(?: me)? with|do for me|do)|how do(?:es)? (?:this|it|you) work|what (?:commands|can i (?:say|ask|do|type))"
            + "|how do i use (?:this|you|it)|(?:show )?(?:me )?(?:the )?(?:commands|options|menu|instructions|usage)"
            + "|what are you capable of|what do you do|how can you help|what are my options|i need help|help please"
            + "|what should i say|how does this assistant work|what can i do here|examples?|(?:(?:explain|tell me)\\s+)?(?:what|which|show|list)\\b.*\\bcommands\\b.*"
            + "|(?:can|could) (?:you|i) (?:set|add|change|use|handle|do|make|create|delete|tag|sort|search|track)\\s+(?:due dates?|deadlines?|dates"
            + "|priorities|tags|reminders|recurring tasks|notes|subtasks|lists)\\b.*"
            + "|(?:(?:explain|show me|tell me|teach me|walk me through)(?: to me)?\\s+)?(?:how (?:do|can|should|could|would|must) (?:i|one|you|we)|how does one|how to)"
            + " (?:add|create|make|delete|remove|complete|finish|use|mark|change|edit|see|list|update|tag|reopen|rename|set|move)\\b.*"
            + "|what are (?:the|my|your) (?:possibilities|options|choices)|(?:give|show|tell) me (?:an |some |a few )?examples?(?:\\s+of\\s+.*)?"
            + "|help me(?: out)?(?: here| please)?|can you help(?: me)?|i need (?:some |a little |a bit of )?help(?: with this| here)?"
            + "|what (?:can|does) (?:this|this thing|this app|this bot|the assistant|it) do"
            + "|how can you help(?: me)?|i'm (?:lost|confused|stuck)|what now"
            + "|what (?:kind of |sort of |other )?(?:things |stuff )?(?:can|do) (?:you|i) (?:do|ask|say|help with|help me with|type)(?: you| here| for me)?"
            + "|what are you (?:able|capable) (?:to do|of)|what do you know how to do|what (?:features|abilities) do you have"
            + "|" + ABOUT_THE_ASSISTANT + ")$", FLAGS);

    private static final Pattern GREETING = Pattern.compile("^(?:hi|hello|hey|yo|sup|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))\\b.*", FLAGS);
    private static final Pattern FEELING = Pattern.compile("^(?:how are (?:you|things|u)|how's it going|how is it going"
            + "|how are you doing|how do you do|what's up|wassup|how have you been|how's your day|are you ok|how r u)"
            + "(?:\\s+(?:today|there|buddy|mate|doing|going))?[\\s!?.]*$", FLAGS);
    private static final Pattern THANKS = Pattern.compile("^(?:thanks|thank you|thx|cheers|much appreciated|appreciate it"
            + "|great|perfect|awesome|cool|nice|got it|sounds good|good job|well done|lol|haha|wow|amazing"
            + "|fine|great thanks|you're the best|love it)\\b[\\s!.]*$", FLAGS);
    private static final Pattern DATE_QUESTION = Pattern.compile("^(?:what(?:'s| is)?\\s+(?:the\\s+)?(?:date|day)(?:\\s+is\\s+it)?(?:\\s+today)?"
            + "|what(?:'s| is)\\s+today(?:'s date)?|what day is (?:it|today)(?:\\s+today)?|what is the date today|which day is it|today's date)[\\s?!.]*$", FLAGS);
    private static final Pattern WHO = Pattern.compile("^(?:who|what) are (?:you|u)\\b.*|^are you (?:a |an )?(?:bot|robot|human|real|ai|person|chatgpt)\\b.*"
            + "|^what(?:'s| is) your name\\b.*|^who (?:made|built|created) you\\b.*", FLAGS);
    private static final Pattern OFF_TOPIC = Pattern.compile("\\b(?:weather|rain|raining|snow|forecast|temperature|joke|jokes|news|president"
            + "|capital of|meaning of life|stock price|play (?:some )?music|sing|recipe for|translate)\\b", FLAGS);
    private static final Pattern BYE = Pattern.compile("^(?:bye|goodbye|see you|see ya|good night|later|cya|that's all|that is all)\\b.*", FLAGS);

    private static final String TAG = "#?([\\p{L}][\\p{L}\\p{N}_-]*)";

    private static final Pattern NOTE = Pattern.compile("^(?:add|put|attach|write|leave)\\s+(?:a\\s+|the\\s+)?(?:note|description|comment|details?)"
            + "\\s+(?:to|on|for)\\s+(.+?)\\s*(?::|\\s-\\s|\\bsaying\\b|\\bthat says\\b)\\s*(.+)$", FLAGS);
    private static final Pattern NOTE2 = Pattern.compile("^(?:set|change|update)\\s+(?:the\\s+)?(?:description|note)\\s+(?:of|for|on)\\s+(.+?)\\s+to\\s+(.+)$", FLAGS);
    private static final Pattern WISH = Pattern.compile("^(?:i\\s+)?(?:(?:need|have|want|must) to|must|should)\\s+((?:re-?open|reschedule|rename|retag|untag|un-?tick|un-?check)\\b.*)$"
            + "|^(?:i\\s+)?(?:want to|wanna|would like to|'d like to|i'd like to|need you to|would you|wish to)\\s+"
            + "((?:delete|remove|erase|mark|move|reschedule|postpone|rename|change|update|edit|complete|reopen|see|show|view|list|know|check off|tick off"
            + "|get rid of|push|set|tag|untag|add a note|look at|review my|go over)\\b.*)$", FLAGS);
    private static final Pattern SHOW = Pattern.compile("^(?:show|open|view|display|pull up|bring up)(?:\\s+me)?\\s+(.+)$", FLAGS);
    private static final Pattern IN_PROGRESS = Pattern.compile("^(?:mark|set|move|put|change)\\s+(.+?)\\s+(?:as\\s+|to\\s+|into\\s+)?(?:in[ -]progress|started|doing|ongoing)$"
            + "|^(?:i'm|im|i am|we're|we are)\\s+(?:now\\s+|currently\\s+)?(?:working on|doing|on)\\s+(.+?)(?:\\s+now)?$"
            + "|^(?:i\\s+)?(?:started|began)\\s+(?:working on\\s+)?(.+)$", FLAGS);
    private static final Pattern CHANGE_TO = Pattern.compile("^(?:change|update|edit|modify)\\s+(?!(?:it|that|this|the due date|the deadline|the date|the priority|the status)\\b)(.+?)\\s+to\\s+(.+)$", FLAGS);
    private static final Pattern NOTE_IT = Pattern.compile("^(?:add|put|attach|write|leave)\\s+(?:a\\s+|the\\s+)?(?:note|description|comment)"
            + "(?:\\s+(?:to|on|for)\\s+(?:it|that|this|that one|this one))?\\s*(?::|\\s-\\s|\\bsaying\\b|\\bthat says\\b)\\s*(.+)$", FLAGS);
    private static final Pattern NOTE_QUOTED = Pattern.compile("^(?:add|put|attach|write|leave)\\s+(?:a\\s+|the\\s+)?(?:note|description|comment)"
            + "\\s+(['\"])(.+?)\\1\\s+(?:to|on|for)\\s+(.+)$", FLAGS);
    /** "add the tag 'family' to …", "attach the label 'work' to …": a tag may be quoted, and a label is a tag. */
    private static final Pattern TAG_ADD = Pattern.compile("^(?:add|put|attach|apply|assign|give)\\s+(?:the\\s+|a\\s+)?(?:(?:tags?|labels?)\\s+)?['\"]?" + TAG
            + "['\"]?(?:\\s+(?:tag|label))?\\s+(?:to|on)\\s+(.+)$", FLAGS);
    /**
     * A new set of tags for a task: "replace the tags of the gym task with health and personal", "change the tags of
     * X to a", "set X's tags to a, b", "the tags of X should be a"; and said of the task: "X should be retagged as a
     * and b" (replaces), "X should be tagged as a" (adds).
     */
    private static final Pattern TAG_REPLACE = Pattern.compile("^(?:replace|change|set|update|make|switch|reset)\\s+(?:the\\s+|all\\s+(?:the\\s+)?)?(?:tags?|labels?)"
            + "\\s+(?:of|on|for|in)\\s+(.+?)\\s+(?:with|to|into|as|by)\\s+(.+)$"
            + "|^(?:replace|change|set|update|switch|reset)\\s+(.+?)'s\\s+(?:tags?|labels?)\\s+(?:with|to|into|as|by)\\s+(.+)$"
            + "|^(?:the\\s+)?(?:tags?|labels?)\\s+(?:of|on|for)\\s+(.+?)\\s+(?:should be|must be|are now|become|will be|=)\\s+(.+)$", FLAGS);
    private static final Pattern TAGGED_AS = Pattern.compile("^(.+?)\\s+(?:should|must|needs? to|has to|have to|can|could|is to|will)\\s+be\\s+"
            + "(re-?)?(?:tagged|labell?ed)\\s+(?:(?:as|with|under)\\s+)?(.+)$", FLAGS);
    private static final Pattern TAG_SET = Pattern.compile("^(?:tag|label|re-?tag|re-?label)\\s+(.+?)(?:\\s+(?:as|with|under|to)|\\s*:)\\s+(.+)$"
            + "|^(?:tag|label)\\s+(.+?\\s+(?:task|todo|item|one)|it|that|this|them)\\s+#?([\\p{L}][\\p{L}\\p{N}_-]*)$", FLAGS);
    private static final Pattern TAG_REMOVE = Pattern.compile("^(?:remove|delete|drop|take off|take)\\s+(?:the\\s+)?(?:(?:tag|label)\\s+)?['\"]?" + TAG
            + "['\"]?\\s+(?:tag|label)\\s+(?:from|off|on)\\s+(.+)$|^(?:remove|delete|drop|take)\\s+(?:the\\s+)?(?:tag|label)\\s+['\"]?" + TAG
            + "['\"]?\\s+(?:from|off)\\s+(.+)$|^untag\\s+(.+?)(?:\\s+(?:from|as)\\s+" + TAG + ")?$", FLAGS);
    /** A tag edit without its task, which is the one in focus: "drop the work tag", "add the personal tag too". */
    private static final Pattern TAG_IT = Pattern.compile("^(remove|delete|drop|take off|lose|ditch|add|put on|attach|apply)\\s+(?:the\\s+|a\\s+)?['\"]?" + TAG
            + "['\"]?\\s+(?:tag|label)(?:\\s+(?:too|as well|also))?$", FLAGS);
    private static final Pattern CLEAR_DUE = Pattern.compile("^(?:remove|clear|delete|drop|take off|unset)\\s+(?:the\\s+)?(?:due date|deadline|date)"
            + "\\s+(?:from|of|on|for)\\s+(.+)$|^(.+?)\\s+(?:has|have|needs|should have)\\s+no\\s+(?:due date|deadline)$"
            + "|^(.+?)\\s+(?:doesn't|don't|does not|do not)\\s+need\\s+(?:a\\s+)?(?:due date|deadline|date)(?:\\s+any ?more)?$", FLAGS);

    private static final Pattern CREATE_MARKER = Pattern.compile("^(?:remind me|add|create|new (?:task|todo|to-do|reminder|item)"
            + "|(?:make|set up|open|start|put in|enter) (?:a|an|another) (?:new )?(?:task|todo|to-do|reminder|note)|(?:create|open|file|raise|log|add|make|start) (?:a|an|another) (?:new )?(?:ticket|issue|card|story) (?:to|for)|put down|set (?:a|an|up a) reminder|note to self"
            + "|jot down|write down|note down|log|save"
            + "|put\\b(?!.*\\bback\\b).*\\b(?:on|in|to) (?:my|the) (?:list|to-?do list|todos?|tasks)"
            + "|(?:i|we)(?: really| definitely| still| also| just| probably)? (?:need|have|want|ought|got|must|should|gotta) (?:to|2)"
            + "|(?:need|have|got) 2"
            + "|(?:i|we) (?:mustn't|must not|shouldn't|should not|can't|cannot|can not|won't|will not|may not) forget"
            + "|(?:i'll|i will|we'll|i'm going to|i am going to|i'm gonna|i gotta)(?: really| definitely| also)? (?:need to|have to)?|(?:i|we) (?:must|should|gotta)|(?:need|have|got|gotta) to"
            + "|(?:i've|i have|we've|i) got (?:to|a|an)|i have (?:a|an)|(?:don't|do not) (?:let me )?forget|remember to|make sure (?:i|to)"
            + "|i still (?:need|have) to|still need to|i'm supposed to|i am supposed to|let me remember|can i add)\\b"
            + "|^(?:todo|to-?do|task|reminder|new task|new todo)s?\\s*[:-]"
            + "|^(?:a|an|another|one more) (?:reminder|task|todo|to-do|entry|note)\\s*(?::|to|for|about|that|saying|called)\\b", FLAGS);
    private static final Pattern PRIORITY_PREFIX = Pattern.compile("^(?:urgent|asap|important|critical|high priority|low priority"
            + "|emergency|someday|p1|p2|p3)\\s*[:!-]", FLAGS);
    private static final Pattern BARE_ADD = Pattern.compile("^(?:add|create|make|new|put|set up)\\s+(?:a\\s+|an\\s+|another\\s+|new\\s+)*"
            + "(?:task|todo|to-do|reminder|item)\\b|^remind me\\b", FLAGS);

    private static final Pattern BULK_COMPLETE = Pattern.compile("^(?:mark|set|check off|tick off|cross off|complete|finish|close)"
            + "\\s+(?:off\\s+)?(?:all|every|everything|each|both)\\b(.*?)(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished))?$"
            + "|^(?:i\\s+)?(?:finished|completed|did|done)\\s+(?:all|everything|every)\\b(.*)$", FLAGS);
    private static final Pattern THEM = Pattern.compile("^(delete|remove|erase|trash|get rid of|clear|drop|mark|complete|check off|tick off|finish)"
            + "\\s+(?:them all|all of them|them|both|both of them|these|those|all of these|all of those|all those|all these|these tasks|those tasks)"
            + "(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished))?$", FLAGS);
    private static final Pattern BULK_MOVE = Pattern.compile("^(?:move|push|reschedule|postpone|shift|bump|defer|delay)"
            + "\\s+(?:back\\s+)?(?:all|every|everything|each)\\b(.*)$", FLAGS);
    private static final Pattern BULK_SET = Pattern.compile("^(?:make|set|mark|change|flag|turn)\\s+(?:all|every|everything|each)\\b(.*)$", FLAGS);
    private static final Pattern BULK_DELETE = Pattern.compile("^(?:delete|remove|clear|erase|clean up|wipe|purge|get rid of|trash|nuke)"
            + "\\s+(?:out\\s+)?(?:all|every|everything|each|both)\\b(.*)$|^(?:clear|purge|clean up|wipe)\\s+(?:out\\s+)?(?:my\\s+|the\\s+)?"
            + "((?:completed|done|finished|old)\\s+(?:tasks|todos|items|ones)|(?:my\\s+)?(?:list|tasks|todos|todo list))$", FLAGS);

    /** The list a task is put back on: "my list", "the to-do list", "my open tasks", "my active todos". */
    private static final String OPEN_LIST = "(?:(?:to-?do|task|open|active|pending|current)\\s+)?(?:list|tasks|todos|to-?dos|items)";
    private static final Pattern REOPEN = Pattern.compile("^(?:re-?open|un-?complete|un-?check|un-?mark|un-?tick|un-?cross|undo|restore|un-?finish|bring back|revive"
            // "reactivate", "reinstate", "resurrect", "unarchive": bringing a done task back to life
            + "|re-?activate|reinstate|resurrect|un-?archive|re-?enable|re-?instate)"
            + "\\s+(.+?)(?:\\s+(?:back\\s+)?to\\s+(?:pending|open|not done|to-?do|active|undone))?$|^(?:mark|set|put|move|change)\\s+(.+?)\\s+(?:as\\s+|back\\s+(?:to\\s+)?|to\\s+)?(?:not done|undone|incomplete"
            + "|not complete|not completed|not finished|unfinished|pending|open|to ?do|active|uncompleted)(?:\\s+again)?$"
            + "|^(.+?)\\s+(?:(?:isn't|is not|was not|wasn't|isnt|are not|aren't)\\s+(?:actually\\s+)?|(?:is|was|are)\\s+(?:actually\\s+)?(?:not|no longer)\\s+)(?:done|finished|complete|completed)"
            // "the expense report submission is not done anymore", "… is no longer done"
            + "(?:\\s+(?:yet|after all|any ?more|now))*(?:[,;]?\\s*(?:so\\s+)?(?:please\\s+)?(?:re-?open|undo|restore)\\s+(?:it|that))?$"
            + "|^(.+?)\\s+(?:(?:isn't|is not|wasn't|was not|aren't|are not)\\s+(?:actually\\s+|really\\s+)?|(?:is|was|are)\\s+(?:actually\\s+)?not\\s+)"
            + "(?!(?:needed|wanted|required)\\b)(?:[\\p{L}]{3,}ed|paid|bought|sent|sorted|fixed)(?:\\s+(?:yet|after all|any ?more))*$"
            + "|^(.+?)\\s*[:-]?\\s+not (?:done|finished|complete|completed)(?:\\s+(?:yet|after all))*$"
            + "|^(?:put|bring|add|move|get)\\s+(it|that|this|them)\\s+back(?:\\s+(?:on|onto|in|into|to)\\s+(?:my|the)\\s+" + OPEN_LIST + "|\\s+to\\s+(?:pending|open|to-?do|active)|\\s+again)?$"
            // "put the passport renewal back on my list", "bring the expense report back"
            + "|^(?:put|bring|add|move|get)\\s+(?!(?:it|that|this|them)\\s)(.+?)\\s+back(?:\\s+(?:on|onto|in|into|to)\\s+(?:my|the)\\s+" + OPEN_LIST
            + "|\\s+to\\s+(?:pending|open|to-?do|active)|\\s+again)?$"
            + "|^(?:re-?open|undo|restore|un-?tick|un-?check)()$"
            + "|^i didn't mean to (?:complete|finish|mark|check off|tick off|close|cross off)\\s+(.+?)(?:\\s+(?:as\\s+)?(?:done|complete))?$"
            + "|^(.+?)\\s+(?:still needs (?:doing|to be done|work)|is still (?:open|pending|to do|not done)|needs to be reopened)$"
            // A completion made by mistake: "I marked the passport task complete in error", "I accidentally completed X",
            // "X was marked done by mistake"
            + "|^(?:(?:i'm|i am) afraid\\s+|unfortunately,?\\s+|sorry,?\\s+|oops,?\\s+)?(?:i\\s+)?(?:accidentally\\s+|mistakenly\\s+|wrongly\\s+|erroneously\\s+)?"
            + "(?:marked|ticked off|checked off|crossed off|completed|closed|set)\\s+(.+?)(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished|closed|off))?"
            + "\\s+(?:in error|by mistake|by accident|accidentally|mistakenly|wrongly|erroneously|too early|too soon)$"
            + "|^(?:(?:i'm|i am) afraid\\s+|oops,?\\s+)?(?:i\\s+)?(?:accidentally|mistakenly|wrongly|erroneously)\\s+(?:marked|ticked off|checked off|crossed off|completed|closed|finished)"
            + "\\s+(.+?)(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished|off))?$"
            + "|^(.+?)\\s+(?:was|got|has been)\\s+(?:accidentally\\s+|mistakenly\\s+|wrongly\\s+)?(?:marked|ticked off|checked off|set)\\s+(?:as\\s+)?(?:done|complete|completed|finished)"
            + "\\s+(?:in error|by mistake|by accident|accidentally|mistakenly|wrongly|erroneously|too early|too soon)$"
            // "the passport renewal has to be done again": a done task back to do
            + "|^(.+?)\\s+(?:has to|have to|needs? to|must|should)\\s+be\\s+(?:done|redone|completed|submitted|[\\p{L}]{3,}ed)\\s+again$"
            + "|^i (?:didn't|did not|haven't|have not|never) (?:actually |really |even )?((?:called|paid|bought|sent|emailed|booked|cleaned|fixed|reviewed|submitted|watered|renewed|went to|prepared"
            + "|call|pay|buy|send|email|book|clean|fix|review|submit|water|renew|go to|prepare|file|return|sign|cancel)\\s+.+?)(?:\\s+yet)?(?:\\s+after all)?$|^i (?:didn't|did not|haven't|have not|never) (?:actually )?(?:finish|finished|complete|completed|do|done)\\s+(.+)$", FLAGS);

    private static final Pattern DELETE = Pattern.compile("^(?!drop\\s+(?:off|by)\\b|drop\\s+\\S+(?:\\s+\\S+){0,3}\\s+off\\b)(?:delete|remove|cancel|erase|drop|trash|scrap|discard|get rid of|forget about"
            + "|nuke|ditch|bin|throw (?:away|out)|scratch|cross out|strike|kill|axe|eliminate|purge|do away with|nix|expunge|zap|obliterate"
            + "|delete permanently|permanently (?:delete|remove))\\s+(.+)$"
            // Verbs that are also chores ("wipe the counters", "toss the salad", "dump the trash") delete only a
            // task named as one: "wipe out the passport task", "toss the task about the plants", "… from my list".
            + "|^(?:wipe(?: out| off)?|toss(?: out)?|dump|chuck(?: out)?|clear out|junk|take out|x out)\\s+(.+?\\s+(?:task|todo|to-do|item|entry|reminder)"
            + "|(?:the\\s+|that\\s+|this\\s+)?(?:task|todo|item|entry|reminder)\\s+(?:about|regarding|concerning|for|to|called|named)\\s+.+"
            + "|.+?\\s+(?:from|off)\\s+(?:my|the)\\s+(?:list|to-?do list|tasks))$"
            + "|^forget\\s+(?!(?:it|that|this|about it)$)(.+)$"
            + "|^take\\s+(.+?)\\s+(?:off|from)\\s+(?:my|the)\\s+(?:to-?do\\s+|task\\s+)?(?:list|tasks)$"
            + "|^(?:i\\s+)?(?:don't|do not|no longer|dont|won't|will not|wont)\\s+(?:need|want|have|require)\\s+(?:to\\s+)?(.+?)(?:\\s+any\\s?more)?$"
            + "|^(?:nobody|no one|noone|no-one)\\s+(?:needs|wants)\\s+(.+?)(?:\\s+any\\s?more)?(?:\\s+so\\s+.*)?$"
            + "|^(.+?)\\s+(?:is|was|got|has been)\\s+(?:cancell?ed|called off|not needed|no longer needed)(?:\\s+(?:so\\s+)?(?:delete|remove) it)?$"
            + "|^(.+?)\\s+can\\s+(?:be\\s+(?:deleted|removed)|go)$"
            // "no need for the rent reminder anymore", "there's no need to water the plants any more"
            + "|^(?:there(?:'s| is)\\s+)?no (?:more )?need (?:for|to)\\s+(.+?)(?:\\s+any ?more|\\s+now)*$"
            + "|^(.+?)\\s+(?:(?:is|are)\\s+(?:no longer|not)|isn't|aren't)\\s+(?:needed|necessary|required|wanted)(?:\\s+any ?more)?$", FLAGS);
    private static final Pattern DELETE_TARGET_NOT = Pattern.compile("^(?:it|that|this)$", FLAGS);

    /** A rename whose new title is quoted at the end: "rename flights task → 'Book flights to Tokyo'" (the quote may hold "to"). */
    private static final Pattern RENAME_TO_QUOTED = Pattern.compile("^(?:rename|retitle|re-?name|change|update|edit)\\s+(.+?)"
            + "(?:\\s+(?:to|as|into)\\s+|\\s*(?:->|=>|:|\\s-\\s)\\s*)(['\"])(.+)\\2$", FLAGS);
    private static final Pattern RENAME = Pattern.compile("^(?:rename|retitle|re-?name)\\s+(.+?)(?:\\s+(?:to|as|into)\\s+|\\s*(?:->|=>|:)\\s*)(.+)$"
            + "|^(?:change|update|edit|set|fix)\\s+(?:the\\s+)?(?:title|name|wording)\\s+(?:of|for|on)\\s+(.+?)\\s+to\\s+(.+)$"
            + "|^(?:change|update|edit)\\s+(.+?)(?:'s)?\\s+(?:title|name)\\s+to\\s+(.+)$"
            + "|^(?:call|name|title)\\s+(it|that|this|that one|this one)\\s+(.+)$"
            + "|^(?:change|edit|reword)\\s+(.+?)\\s+to\\s+(?:say|read)\\s+(.+)$", FLAGS);
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\bat\\s+(?:noon|midnight|\\d{1,2}:\\d{2})\\b", FLAGS);
    private static final Pattern DUE_OF = Pattern.compile("^(?:the\\s+|set\\s+the\\s+|change\\s+the\\s+)?(?:due date|deadline|date)\\s+(?:for|of|on)\\s+(.+?)\\s+"
            + "(?:should be|is|to|will be|needs to be|=|->|becomes|is now|:|-)\\s+(.+)$|^(?:the\\s+)?(?:due date|deadline|date)\\s+(?:for|of|on)\\s+(.+?)\\s*:\\s+(.+)$", FLAGS);
    /** "priority for the garage: high", "the priority of the slides should be low". */
    private static final Pattern PRIORITY_OF = Pattern.compile("^(?:the\\s+|set\\s+the\\s+|change\\s+the\\s+)?priority\\s+(?:for|of|on)\\s+(.+?)\\s*"
            + "(?:should be|is|to|will be|needs to be|=|->|becomes|is now|:|\\s-)\\s*(?:a\\s+)?(high|low|medium|normal|top|urgent)(?:\\s+(?:priority|prio))?$", FLAGS);
    private static final Pattern RENAME_QUOTED = Pattern.compile("^(?:change|edit|rename|update|retitle)\\s+(['\"])(.+?)\\1\\s+(?:to|into|as)\\s+(['\"])(.+?)\\3$", FLAGS);
    private static final Pattern UPDATE_VERB = Pattern.compile("^(?:(?:actually|no|nope|wait|oh|hmm|sorry|oops|scratch that|correction)\\b[\\s,!.:;-]*)*"
            + "(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:move|push(?: back)?|reschedule|re-schedule|postpone|delay|bump(?: up)?"
            + "|shift|defer|change|set|put|make|update|switch|prioriti[sz]e|deprioriti[sz]e|raise|lower|flag|edit|adjust|modify"
            + "|give|mark|turn|increase|decrease|reduce|boost)\\b(?!\\s+(?:a|an|new|up|together|away|out|on|off)\\b)(?:\\s+(?:the\\s+)?(?:due date|deadline|date|priority|due)\\s+(?:of|for|on)\\b)?", FLAGS);
    private static final Pattern ACTUALLY = Pattern.compile("^(?:actually|no(?!\\s+(?:rush|hurry|pressure|big deal)\\b)|nope|wait|oh|hmm|sorry|oops|scratch that|correction|make that|change that to|instead)\\b", FLAGS);
    private static final Pattern IS_DUE = Pattern.compile("^(?:can\\s+)?(.+?)\\s+(?:(?:can|could|will|should)\\s+)?(?:wait|waits|slide|slip|be moved|be pushed|be postponed)\\s+(?:until|till|for|to)\\b(.*)$"
            + "|^(.+?)\\s+(?:(?:is|was|has been|got|have been|are)\\s+)?(?:moved|pushed|rescheduled|postponed|delayed|shifted|bumped)\\s+(?:back\\s+)?(?:to|until|till|for)\\b(.*)$"
            + "|^(.+?)\\s+(?:should|needs? to|has to|have to|must|can|will|ought to)\\s+be\\s+(?:(?:ready|done|finished|completed|sorted|submitted|sent|paid|booked|fixed)\\s+)?(?:on|by|for|before)\\b(.*)$"
            + "|^(.+?)(?:\\s+(?:is|are|were|was|should be|needs to be|has to be|must be|is now|can be)|'s)\\s+(?:now\\s+|actually\\s+|really\\s+|only\\s+)?(?:due|done by|finished by|moved to|pushed to|rescheduled (?:for|to))\\b(.*)$"
            + "|^(.+?)(?:\\s+(?:is|are|was)|'s)\\s+(?:now\\s+|actually\\s+|really\\s+)+(?:on|for)\\b(.*)$"
            + "|^(.+?)(?:\\s+(?:isn't|is not|aren't|are not|won't be)|'s not)\\s+(?:actually\\s+)?due\\s+(?:till|until|before)\\b(.*)$"
            // "slides deadline is now thursday", "the rent due date is the 20th now", "dentist deadline moved to friday"
            + "|^(?!(?:the\\s+|my\\s+)?(?:due date|deadline|date)\\b)(.+?)(?:'s)?\\s+(?:deadline|due date|due-date)\\s+(?:is now|is|has been moved to|has moved to|moved to|changed to"
            + "|has changed to|is moved to|got moved to|now|should be|becomes|will be|=|->)\\s+(.+)$", FLAGS);
    private static final Pattern IS_PRIORITY = Pattern.compile("^(.+?)\\s+(?:is|are|should be|'s|is now|became|has become|isn't|is not|aren't|are not)\\s+(?:now\\s+|actually\\s+|really\\s+|super\\s+|very\\s+)?"
            + "(urgent|important|critical|high priority|low priority|medium priority|not urgent|not important|top priority|a priority|not a priority|less important|more important|less urgent|more urgent|no rush"
            // "rent is less pressing now", "the plants are more pressing", "the garage is no longer urgent"
            + "|(?:less|more|not|not as|not so|no longer|not that)\\s+(?:pressing|urgent|important|critical|time-sensitive)|pressing|time-sensitive)"
            + "(?:\\s+(?:any ?more|now|after all|at all))?$|^(.+?)\\s+(can wait)$", FLAGS);

    private static final Pattern COMPLETE = Pattern.compile(
            "^(?:mark|set|flag|tick|check|put)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?(?:done|complete|completed|finished|closed|resolved|checked|ticked|paid|sent|bought|fixed|handled|sorted|submitted|booked|cleaned|taken care of)(?:\\s+off)?$"
            + "|^(?:check off|tick off|cross off|complete|finish|close out|mark off|strike off|cross out)\\s+(?:off\\s+)?(.+)$"
            + "|^(?:i'm|im|i am|we're|we are|i've|i have|just|i just|finally|all)?\\s*(?:done|finished|through)\\s+with\\s+(.+)$"
            + "|^(?:i\\s+|we\\s+|i've\\s+|we've\\s+)?(?:just\\s+|finally\\s+|already\\s+|actually\\s+|really\\s+)?(?:have\\s+|'ve\\s+)?(?:finally\\s+|just\\s+|already\\s+|actually\\s+)?(?:finished|completed|did|done|wrapped up|knocked out|took care of|handled|sorted|accomplished|got done)\\s+(?:with\\s+)?(.+)$"
            + "|^(.+?)(?:\\s+(?:is|are|was|were|has been|have been|'s|got)|'s)\\s+(?:now\\s+|all\\s+|finally\\s+|already\\s+)*(?:done|complete|completed|finished|sorted|taken care of|handled|over|dealt with|paid|sent|bought|fixed|submitted|cleaned|booked"
            + "|clean|ready|tidy|renewed|watered|reviewed|prepared|called|emailed|resolved|closed|delivered|returned|sorted out|squared away)(?:\\s+(?:for today|today|now|already|for the day|for now|at last|finally|at long last|yay|phew))*$"
            + "|^(?:done|finished|completed|complete)\\s*[:-]?\\s+(.+)$|^(.+?)\\s*[:-]?\\s+(?:done|complete|finished|completed|✓|✔)$"
            // "I have been to the gym this morning", "I was at the dentist": a visit that was the task
            + "|^(?:(?:i|we)(?:'ve|\\s+have)?\\s+)?(?:just\\s+|already\\s+|finally\\s+)?(?:been\\s+(?:to|at)|(?:was|were)\\s+at(?=\\s+(?:the|my)\\s))\\s+(.+?)"
            + "(?:\\s+(?:this morning|this afternoon|this evening|today|tonight|earlier|already|yesterday|just now|finally))*$"
            + "|^(?:got|get)\\s+(.+?)\\s+done$|^(?:close|close out|resolve)\\s+(.+?\\s+(?:task|todo|item|ticket))$|^(?:check|tick|cross|mark|strike)\\s+(.+?)\\s+off(?:\\s+(?:my|the)\\s+(?:to-?do\\s+)?list)?$", FLAGS);
    private static final Pattern PARTICIPLE = Pattern.compile("^(.+?)\\s+([\\p{L}]{3,}ed|paid|bought|sent|done|sorted|fixed)"
            + "(?:\\s+(?:for|at|with|in|on|to|from|by)\\s+[^,;]{1,40}?)?(?:\\s+(?:finally|at last|now|already|today|yesterday))?$", FLAGS);
    /** "the car is washed", "the forms are signed": any participle after "is/are/was/got". */
    private static final Pattern IS_PARTICIPLE = Pattern.compile("^(.+?)\\s+(?:is|are|was|were|has been|have been|got|'s)\\s+"
            + "(?:now\\s+|all\\s+|finally\\s+|already\\s+)*([\\p{L}]{3,}ed|paid|bought|sent|built|written|made|taken|given|sold|done)"
            + "(?:\\s+(?:finally|at last|now|already|today|yesterday))?$", FLAGS);
    /** "get the car washed" asks for something to be done: not a report that it was. */
    private static final Pattern ASIDE = Pattern.compile("(?:\\s*(?:[,;(]|\\s-+\\s)\\s*(?:they|it|he|she|we|i|i'm|it's|they're|because|since|as|cos|coz|cause"
            + "|lol|haha|turns out|apparently|not needed|no longer|don't|dont|never|that's|thats|which)\\b|\\s+(?:because|since|cos|coz|cuz)\\s).*$", FLAGS);
    private static final Pattern CAUSATIVE = Pattern.compile("^(?:get|have|need|want|make|keep|leave|let|see|got|gotta|must)\\b.*", FLAGS);
    private static final Set<String> PAST_IRREGULAR = set("bought", "paid", "sent", "went", "made", "took", "got",
            "wrote", "ran", "met", "spoke", "told", "gave", "brought", "found", "left", "fed", "sold", "swept", "drove",
            "ate", "kept", "built", "spent", "flew", "drew", "chose", "hung", "did", "rang",
            "picked", "threw", "caught", "taught", "sang", "won", "dropped", "grabbed", "mopped", "shopped", "stopped",
            "submitted", "emailed", "mailed", "called", "texted");
    private static final Set<String> NOT_PAST = set("need", "needed", "feed", "seed", "speed", "bleed", "breed", "proceed",
            "succeed", "exceed", "shed", "bed", "red", "wed", "embed", "weed", "heed", "shred", "wanted", "decided",
            "started", "forgot", "missed", "scheduled", "added", "created", "rescheduled", "moved", "postponed",
            "planned", "tried", "hoped", "intended", "expected", "wondered", "asked", "deleted", "removed", "cancelled",
            "canceled", "updated", "changed", "renamed", "tagged", "listed", "marked", "reopened", "completed",
            "finished", "seed", "used", "supposed", "liked", "loved", "hated", "meant", "thought", "said", "guess",
            // adjectives that look like participles: "so tired today" is how one feels
            "tired", "bored", "stressed", "scared", "worried", "excited", "annoyed", "exhausted", "confused",
            "interested", "pleased", "surprised", "overwhelmed", "relieved", "depressed", "frustrated", "wired");
    /**
     * A verb whose past is its present ("hit", "read", "cut"), with a time that is past: "hit the gym this morning",
     * "read chapter 7 last night". Without such a time it is a new task ("read chapter 7 tomorrow").
     */
    private static final Pattern SAME_PAST = Pattern.compile("^(?:(?:i|we)\\s+)?(?:just\\s+|finally\\s+|already\\s+)?((?:hit|read|cut|put|quit|shut)\\s+.+?)"
            + "\\s+(?:this morning|earlier(?: today)?|last night|yesterday|just now|already|before work|at lunch)$", FLAGS);
    private static final Pattern PAST = Pattern.compile("^(?:(?:i|we)\\s+)?(?:(?:just|finally|already|have|'ve|actually|totally|successfully|now)\\s+)*"
            + "(?:i've\\s+|i have\\s+)?([\\p{L}']+)\\s+(.+)$", FLAGS);

    private static final Pattern GET = Pattern.compile(
            "^(?:show|give|tell|get|pull up|bring up|open|view|display|find|look up|describe|fetch|read)(?: me)?(?: the)?\\s+(?:full\\s+)?(?:task\\s+)?(?:details|detail|info|information|particulars|specifics|more|everything|all)"
            // "give me everything you have on the prod bug task", "tell me all you know about X"
            + "(?:\\s+(?:you|u)\\s+(?:have|know|got|'ve got|have got|can find))?(?:\\s+(?:of|about|on|for))\\s+(.+)$"
            + "|^what\\s+(?:do|can)\\s+(?:you|u)\\s+(?:have|know|tell me)\\s+(?:on|about)\\s+(.+)$"
            // "how urgent is cleaning the garage?", "how important is the dentist appointment", "how soon is the rent due"
            + "|^how\\s+(?:urgent|important|pressing|critical|high(?:\\s+(?:a\\s+)?priority)?|high up|soon)\\s+(?:is|are|was)\\s+(?:it\\s+to\\s+)?"
            + "(?!(?:my|all|the)\\s+(?:tasks|todos|things|stuff)\\b|(?:they|these|those|everything|anything)\\b)(.+?)(?:\\s+due)?$"
            + "|^what\\s+(?:are|is|were)\\s+the\\s+(?:details|detail|info|information|specifics)\\s+(?:of|on|for|about)\\s+(.+)$"
            + "|^(?:details|detail|info|information|more info|more details)\\s+(?:of|about|on|for)?\\s*(.+)$"
            + "|^(?:tell me (?:more )?about|more about|what about|describe|what's the (?:status|deal|story) (?:of|with)|what is the status of|status of|status on)\\s+(.+)$"
            + "|^when\\s+is\\s+(?:the\\s+)?(?:deadline|due date)\\s+(?:for|of|on)\\s+(.+)$"
            + "|^(?:when is|when's|when was|when were|when are|what day is|what day was)\\s+(.+?)\\s+due(?:\\s+again)?$"
            // "is there a due date on call mom?", "is there a deadline for the garage?"
            + "|^(?:is there|are there|has it got|have i set)\\s+(?:a|an|any)\\s+(?:due date|deadline|date|priority|tags?|labels?|notes?|description)"
            + "\\s+(?:on|for|set (?:on|for)|attached to|with)\\s+(.+)$"
            // "when am I supposed to go to the gym", "when are we meant to water the plants"
            + "|^when\\s+(?:am i|are we|was i)\\s+(?:supposed|meant|scheduled|expected|due|planning|going)\\s+to\\s+(.+)$"
            + "|^(?:when is|when's)\\s+(?!(?:it|that|this|everything|anything)\\b)(.+?)(?:\\s+again)?$"
            + "|^(?:(?:by|until|till)\\s+)?when\\s+(?:do|did|should|must|shall|will)\\s+i\\s+(?:need to|have to|got to|want to)?\\s*(.+?)(?:\\s+by)?$"
            // "When must the flights be booked?", "by when should the slides be ready?": the task, then what is to be done
            // (the participle stays with the name: "report … reviewed" is the review, not the expense report)
            + "|^(?:(?:by|until|till)\\s+)?when\\s+(?:must|should|shall|does|do|has|have|is|are|will|can|would)\\s+(.+?)\\s+(?:be|get|need to be|needs to be"
            + "|have to be|has to be|need to get|needs to get)\\s+(?:done|finished|completed|ready|sorted|handled)(?:\\s+by)?$"
            + "|^(?:(?:by|until|till)\\s+)?when\\s+(?:must|should|shall|is|are|will|can|would)\\s+(.+?\\s+be\\s+(?:paid|sent|bought|[\\p{L}]{3,}ed))(?:\\s+by)?$"
            // "Details: quarterly report", "Info - the garage task", "quarterly report details"
            + "|^(?:details|detail|info|information|status|more info|more details)\\s*(?::|\\s-+)\\s*(.+)$"
            + "|^(?!(?:my|your|our|the|more|task|tasks|all|some|any|full|today's|todays)\\s)(.+?)\\s*[:-]?\\s+(?:details|detail|info|information)$"
            + "|^did i\\s+(?:already\\s+|actually\\s+|ever\\s+)?(?!(?:finish|complete|do|get done|accomplish)\\s+(?:anything|everything|all|any|my tasks|much|it|that)\\b)(.+)$"
            + "|^(?:what|which)\\s+(?:priority|tags?|labels?|due date|deadline|status|date)\\s+(?:is|does|has|do|are|did|was)\\s+(?:on\\s+|for\\s+|set on\\s+)?(.+?)(?:\\s+(?:have|has|got|set to|at|on|in|due))?$"
            + "|^(?:does|do)\\s+(.+?)\\s+have\\s+(?:a\\s+|any\\s+)?(?:due date|deadline|tags?|priority|notes?|description)$"
            + "|^(?:is|are|has|have)\\s+(?!(?:there|anything|everything|any|all|my tasks|i|you|we|it|that|this|nothing)\\b)(.+?)\\s+(?:(?:been\\s+)?(?:done|finished|completed|complete|closed|paid|bought|sent|[\\p{L}]{3,}ed)"
            + "|overdue|late|still (?:open|pending|to do)|open|pending|high priority|low priority|urgent|important|tagged\\s+\\S+|due\\s+.+)(?:\\s+yet)?$"
            + "|^what(?:'s| is| exactly is)\\s+(?:exactly\\s+|really\\s+|actually\\s+)?(?:the\\s+)?(.+?\\s+(?:task|todo|one|item|entry))\\s+(?:all\\s+)?about$"
            // an embedded question, once "could you tell me" is gone: "when the dentist appointment is", "the priority of the garage task"
            + "|^when\\s+(?!(?:i|we|you)\\s)(.+?)\\s+(?:is|is due|are|are due|will be|should be done)$"
            + "|^(?:the\\s+)?(?:priority|due date|deadline|status|tags|labels|details|particulars|specifics|information|description|notes?)\\s+(?:of|on|for)\\s+(.+)$"
            + "|^(?:show\\s+)?(?:the\\s+)?(?:more\\s+)?(?:details|detail|info|information)(?:\\s+(?:on|of|for|about)\\s+(it|that|this|that one|this one))?$"
            + "|^tell me more(?:\\s+about\\s+(it|that|this|that one|this one))?$"
            + "|^(?:what's|what is|whats)\\s+the\\s+(?:due date|deadline|priority|status|note|description)\\s+(?:on|of|for)\\s+(.+)$"
            + "|^(?:show|open|view|display|pull up|bring up|find|look up|get|fetch|see)(?: me)?\\s+(.+?)\\s+(?:task|todo|item)$"
            + "|^(?:show|open|view|display|describe|what's|what is|whats|tell me about|details of|details on)(?: me)?\\s+(the\\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|\\d+(?:st|nd|rd|th))(?:\\s+(?:one|task|item))?)$"
            + "|^(?:show|open|view|display|get|what's|what is|whats|describe|find|pull up|fetch|see)?(?: me)?\\s*((?:task|todo|item)\\s*(?:#|number\\s+|no\\.?\\s*)?\\d+|#\\d+)$", FLAGS);

    private static final Pattern LIST_START = Pattern.compile("^(?:what|what's|what are|what is|which|show|list|display|view|give me"
            + "|tell me|any|anything|do i have|do we have|have i|how many|how's|how is|how does|is there|are there|get me|fetch|see|let me see|did i"
            + "|what about|remind me what|check|read me|go over|summari[sz]e|summary|enumerate|itemi[sz]e|recap|tally|overview|pull up|bring up|whats|where am i|got any|got anything"
            + "|tasks|todos|to-?dos|items|things|stuff|is anything|is there anything|are any|are there any|do i|am i|can you show|can i see|i want to see|i'd like to see|my|all|print|run through|lemme see|how am i)\\b", FLAGS);
    private static final Pattern LIST_WORDS = Pattern.compile("\\b(?:tasks?|todos?|to-?dos?|to do|list|plate|agenda|schedule|day|week"
            + "|today|tonight|tomorrow|overdue|due|left|remaining|pending|open|finish|finished|completed|done|priority|upcoming"
            + "|coming up|anything|everything|need to do|have to do|should i|on deck|work on|working on|tagged|late|outstanding|busy"
            + "|looking like|workload|free|overview|summary|rundown|recap|status|update|errands|deadlines?|missed|complete|completed|recently|up next|next|planned|for me|urgent|important|backlog|accomplish|priorities"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|month|behind|lined up|in store|in progress"
            // "what family stuff do I have", "what emails do I need to send": a kind of task, and "do I have/need".
            + "|(?:emails?|meetings?|family|work|health|home|personal|finance|shopping|errands?|chores?|calls?)\\s+(?:stuff|things|tasks|items|ones)"
            + "|emails|meetings|chores|calls|do i (?:have|need|got)|have i got|i (?:still )?(?:need|have) to [\\p{L}]+)\\b", FLAGS);
    /**
     * A bare noun phrase for the open tasks, in the businesslike way: "Open items?", "outstanding points",
     * "remaining to-dos", "pending action items".
     */
    private static final Pattern LIST_ITEMS = Pattern.compile("^(?:(?:any|all|my|the|our)\\s+)*(?:(?:still\\s+)?(?:open|outstanding|remaining|pending|current"
            + "|unfinished|incomplete|undone|upcoming|completed|finished|done|overdue|urgent|important|high priority|low priority)\\s+)+"
            + "(?:tasks|items|todos|to-?dos|points|action items|action points|jobs|things|issues|entries)(?:\\s+(?:left|so far|for today|for this week|please))?$", FLAGS);
    /** "sort my tasks by due date": a listing (the tools have one order). */
    private static final Pattern LIST_SORTED = Pattern.compile("^(?:sort|order|arrange|group|rank)\\s+(?:(?:all\\s+)?(?:my\\s+|the\\s+)?(?:tasks|todos|to-?dos|list|to-?do list|stuff)\\b.*"
            + "|(?:them\\s+|it\\s+|everything\\s+)?by\\s+(?:priority|due date|date|deadline|tags?|status))$", FLAGS);
    private static final Pattern LIST_BARE = Pattern.compile("^(?:tasks|my tasks|todos|my todos|to-?do list|todo list|my list|agenda"
            + "|my agenda|today|overdue|upcoming|list|everything|all tasks|schedule|my schedule|list tasks|show tasks|show all"
            + "|pending|pending tasks|open tasks|what's next|whats next|next|today's tasks|tasks for today|tomorrow's tasks"
            + "|completed|completed tasks|done tasks|high priority tasks|urgent tasks|this week|status|my day|overview|summary)$", FLAGS);
    /** A list named by its kind: "errands list", "my work list", "the todo list", "shopping list". */
    private static final Pattern LIST_NAMED = Pattern.compile("^(?:(?:show|see|open|view|check|get)\\s+(?:me\\s+)?)?(?:my\\s+|the\\s+|our\\s+)?"
            + "(?:(?:" + String.join("|", Tags.vocabulary()) + "|todo|to-?do|task|tasks|grocery|errand)\\s+)?list$", FLAGS);
    private static final Pattern QUESTION = Pattern.compile("^(?:what|what's|who|who's|when|where|why|how|is|are|can|has"
            + "|have(?=\\s+(?:i|you|u|we|they)\\b)"
            // "do my tasks have tags?" asks; "do my taxes someday" is a chore
            + "|do(?=\\s+(?:i|you|u|we|they|any|these|those|it|that|all)\\b|\\s+my\\s+(?:tasks?|todos?|to-?dos?|items?|reminders?|lists?)\\b)|does"
            + "|will|should|could|would|which|did(?=\\s+(?:i|you|u|we|they|he|she|it|anyone|anybody|someone|everything|anything|all)\\b)|tell me)\\b", FLAGS);

    static final Set<String> ACTION_VERBS = set(
            "buy", "call", "email", "e-mail", "fix", "clean", "pay", "book", "schedule", "send", "write", "review",
            "prepare", "prep", "pick", "drop", "go", "get", "make", "take", "submit", "renew", "read", "study", "water",
            "walk", "feed", "order", "return", "plan", "organize", "organise", "text", "message", "meet", "visit",
            "start", "learn", "practice", "practise", "print", "sign", "file", "apply", "wash", "mow", "vacuum", "cook",
            "bake", "reply", "respond", "follow", "contact", "ask", "tell", "research", "draft", "deploy", "test",
            "install", "backup", "back", "sort", "bring", "charge", "upload", "download", "register", "grab", "post",
            "check", "finish", "update", "cancel", "ring", "phone", "see", "watch", "fill", "replace", "repair",
            "refill", "collect", "deliver", "ship", "mail", "pack", "unpack", "hang", "paint", "build", "setup",
            "set", "help", "invite", "thank", "wrap", "change", "edit", "proofread", "finalize", "finalise", "book",
            "confirm", "reserve", "host", "attend", "run", "exercise", "meditate", "stretch", "jog", "swim", "shop",
            "donate", "recycle", "empty", "take", "tidy", "iron", "fold", "dust", "mop", "sweep", "scrub", "feed",
            "rsvp", "print", "scan", "fax", "photocopy", "back", "look", "find", "think", "decide", "discuss", "talk",
            "chat", "catch", "sync", "plan", "update", "migrate", "refactor", "merge", "release", "publish", "ping",
            "remind", "notify", "inform", "bring", "drive", "fetch", "get", "clear", "cut", "trim", "weed", "plant", "do",
            "renew", "sell", "hire", "rent", "buy", "arrange", "collect", "tidy", "declutter", "service", "top",
            // chores of the house and garden
            "descale", "defrost", "unclog", "polish", "sanitize", "sanitise", "disinfect", "assemble", "mend", "sew", "knit",
            "stain", "varnish", "seal", "sand", "drill", "shovel", "rake", "prune", "repot", "hoover", "wipe", "report", "repaint");

    private static final String INTENSIFIER = "(?:so|very|really|super|pretty|kind of|a bit|too|quite|soo+)";
    /** How the user feels ("im so tired today ugh"): small talk, not a task for today. */
    private static final Pattern MOOD = Pattern.compile("^(?:(?:i'm|i am|im|i feel|feeling|i've been|been)\\s+(?:" + INTENSIFIER + "\\s+)*"
            + "|(?:" + INTENSIFIER + "\\s+)+)(?:tired|exhausted|sleepy|bored|sad|happy|stressed|sick|ill|hungry|good|great"
            + "|fine|ok|okay|overwhelmed|excited|annoyed|angry|grumpy|lazy|burnt out|burned out|knackered|shattered|meh|unwell|busy|swamped)\\b.*", FLAGS);

    private static final Pattern CAPABILITY = Pattern.compile("^(?:(?:hey|hi|so|um|ok),?\\s+)*(?:(?:can|could|do|will) (?:you|u|i)"
            + "|(?:is|would) it (?:be )?possible (?:for (?:me|you) )?to|is there a way to) (?:set|add|use|handle|do|make"
            + "|create|tag|sort|search|track|understand|remember)\\s+(?:due dates?|deadlines?|dates|priorities|tags|reminders|recurring tasks|notes|subtasks"
            + "|lists|things like|stuff like)\\b.*", FLAGS);

    /** Where a message splits into clauses: a comma, colon, semicolon, dash, full stop, or "so". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*(?:[,;:]|\\s-+\\s|[.!?](?=\\s))\\s*(?:and\\s+)?(?:so\\s+)?"
            // "so" joins clauses only before a command ("the report is done so tick it off"), not in "I'm so tired".
            + "|\\s+(?:and\\s+)?so\\s+(?=(?:please\\s+|pls\\s+|just\\s+|can you\\s+)?(?:update|change|move|mark|tick|cross|check|delete|remove"
            + "|set|make|push|reopen|undo|put|bin|clear|get rid|scrap|trash|drop|nix|ditch|cancel|close|finish|complete|tag|flag|bump|rename|forget)\\b)", FLAGS);
    /** "bring X forward to", "pull X forward to", "bring forward X to": moving a task earlier. */
    private static final Pattern FORWARD = Pattern.compile("^(?:bring|pull|move)\\s+(?:forward\\s+(.+?)|(.+?)\\s+forward)\\s+(?:to|until|till)\\s+", FLAGS);
    /**
     * Someone else moved one of my tasks: "the dentist moved my appointment to the 29th", "my boss pushed our 1:1 to
     * friday". The task is named by both ("dentist appointment").
     */
    private static final Pattern MOVED_MY = Pattern.compile("^(?:the\\s+|my\\s+|our\\s+)?(?!(?:i|we|you|they|he|she|it)\\s)([\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?)"
            + "\\s+(?:has\\s+|have\\s+|just\\s+)?(?:moved|pushed|rescheduled|postponed|shifted|bumped|changed)\\s+(?:my|our|the)\\s+(.+?)\\s+"
            + "(?:back\\s+)?(?:to|until|till|for)\\s+", FLAGS);
    /** What one cancels in life, not on the list: a subscription, a membership, an account, a policy, a contract. */
    private static final Pattern CANCELLABLE = Pattern.compile("^cancel\\s+(?:my\\s+|the\\s+|our\\s+)?(?:[\\p{L}'-]+\\s+){0,3}?(?:subscriptions?|memberships?"
            + "|accounts?|(?:insurance\\s+)?polic(?:y|ies)|contracts?|direct debits?|standing orders?|lease|broadband|phone plan)\\b(?!\\s+(?:task|todo|item|one|reminder)\\b)", FLAGS);
    /** The intents that change one task. */
    private static final Set<Intent> CHANGES = Set.of(Intent.COMPLETE, Intent.REOPEN, Intent.DELETE, Intent.UPDATE);
    /** A remark about oneself, which names no task: "I'm not going on vacation anymore", "we won't need it". */
    private static final Pattern REMARK = Pattern.compile("^(?:(?:oh|so|well|ok|okay|actually|turns out|sadly|unfortunately),?\\s+)*"
            + "(?:i'm|im|i am|we're|we are|i was|we were|i won't|we won't|i can't|we can't|i don't|we don't|i didn't|we didn't"
            + "|i've|we've|i have|we have|i changed|we changed)\\s+.*", FLAGS);
    /** A command's object that refers back to a task named earlier in the message. */
    private static final Pattern BACK_REFERENCE = Pattern.compile("^(?:it|that|this|them|they|these|those|that one|this one|it and\\b.*)$", FLAGS);
    /** "update it", "change that accordingly": the change is in the statement before it. */
    private static final Pattern UPDATE_IT = Pattern.compile("^(?:(?:just|please|pls|then)\\s+)*(?:update|change|edit|fix|adjust|correct|amend|clear|unset)\\s+"
            + "(?:it|that|this|them|the task|that task|this task)(?:\\s+(?:accordingly|then|too|as well))?$", FLAGS);

    /**
     * A question or a request to see, wrapped in a formal phrase: "(could you) tell me when the dentist is", "I would
     * like to know which tasks are overdue", "may I see my tasks for tomorrow", "kindly provide me a list of…", "I would
     * like an overview of…". The wrapper goes; asking to see becomes "show".
     */
    private static final Pattern ASK_TO_KNOW = Pattern.compile("^(?:tell me|i(?:'d| would) (?:like|love) to know|i want to know|i(?:'d| would) like to ask"
            + "|i wonder|i'm wondering|i am wondering|i was wondering|do you know|please let me know|let me know"
            // ("I would like to" is already gone as politeness: "know which tasks are overdue")
            + "|know|ask)\\s+(?=(?:when|what|which|how many"
            + "|the (?:priority|due date|deadline|status|tags|details|particulars|specifics|information|description)|more about)\\b)", FLAGS);
    private static final Pattern ASK_TO_SEE = Pattern.compile("^(?:(?:may|can|could|might) i (?:please )?(?:see|view|look at|have a look at)"
            + "|(?:may|can|could|might) i (?:please )?(?:have|get)(?=\\s+(?:the|a|an)\\s+(?:particulars|details|specifics|information|info|list|overview|summary|rundown)\\b)"
            + "|(?:provide|give|send|get) me(?: with)?(?=\\s+(?:a|an|the|my)\\s+(?:list|overview|summary|rundown|recap|details)\\b)"
            + "|i(?:'d| would) (?:like|love|appreciate)(?: to (?:see|have|get))?(?=\\s+(?:a|an|the)\\s+(?:list|overview|summary|rundown|recap)\\b))\\s+", FLAGS);
    /** A date taken back and said again: "on thursday, no wait, friday", "tomorrow, I mean wednesday", "friday - sorry, saturday". */
    private static final Pattern CORRECTION = Pattern.compile("\\s*(?:[,;.]|\\s-+)?\\s*\\b(?:no,?\\s+wait|no,?\\s+sorry|oh,?\\s+wait|wait|sorry|no"
            + "|i mean|i meant|actually|make (?:it|that)|or rather|rather|scratch that|correction)\\b[,:!.]*\\s+(.+)$", FLAGS);
    /** "Remove: Prepare meeting slides", "Reopen - Renew passport": a command verb as a label is the command. */
    private static final Pattern VERB_LABEL = Pattern.compile("^(delete|remove|cancel|drop|trash|reopen|undo|restore|complete|finish|close"
            + "|rename|reschedule|postpone|move|push|show|open|check off|tick off)\\s*(?::|\\s-+)\\s+(?=\\S)", FLAGS);
    /** Verbs of a command on a task, for a command that comes after its task's name ("garage: move to next month"). */
    private static final String COMMAND_VERBS = "(?:delete|remove|cancel|drop|trash|bin|nix|scrap|ditch|reopen|undo|restore|complete|mark|tick|check|cross"
            + "|rename|reschedule|postpone|move|push|bump|shift|delay|retag|re-tag|tag|untag|label|flag|set|make|change|update|prioriti[sz]e|deprioriti[sz]e|get rid of)";
    /**
     * A name, a separator, then a command without its object: "garage: move to next month", "Expense report: retag as
     * work only", "gym - delete", "rent: mark as done". The command acts on the named task.
     */
    private static final Pattern NAME_THEN_COMMAND = Pattern.compile("^([^:]{2,60}?)\\s*(?::|\\s-+>?\\s|->)\\s*(" + COMMAND_VERBS + ")"
            + "((?:\\s+(?:as|to|for|until|till|back|off|done|complete|completed|high|low|medium|urgent|it|this|that|again|please|pls"
            + "|now|up|down|priority|not|out)\\b.*)?)$", FLAGS);
    /**
     * Dictation without punctuation: a topic named as a thing, then a command on it ("the passport thing set it back to
     * not done", "the gym thing delete it").
     */
    private static final Pattern TOPIC_THEN_COMMAND = Pattern.compile("^((?:the|my|that|this)\\s+\\S.*?\\s+(?:thing|task|one|item|reminder|todo|stuff))\\s+"
            + "(" + COMMAND_VERBS + "\\b.*)$", FLAGS);
    /**
     * Dictation without punctuation: a statement, then a command on "it" ("the passport thing isnt done actually reopen
     * it", "the rent is paid mark it done"). The command starts where a command verb meets "it".
     */
    private static final Pattern DICTATED_COMMAND = Pattern.compile("^(.*?[\\p{L}\\p{N}])\\s+((?:so\\s+|and\\s+|please\\s+)*" + COMMAND_VERBS
            + "\\s+(?:it|that|this|them)\\b.*)$", FLAGS);
    /** Words after which a command verb continues the sentence rather than starting one ("I want to move it"). */
    private static final Pattern NO_BREAK_BEFORE = Pattern.compile("(?:^|.*\\s)(?:to|you|u|please|and|so|i|we|just|can|could|would|will|should|must|let's|lets"
            + "|let me|then|also|or|not|don't|dont|never|who|when|how)$", FLAGS);
    /** An aside without punctuation after a status word: "set it back to not done | they rejected my photo". */
    private static final Pattern STATUS_ASIDE = Pattern.compile("^(.*\\b(?:not done|undone|done|complete|completed|pending|open|to-?do))"
            + "\\s+(?:they|he|she|we|i|it's|because|since|cos|cause|as)\\s+\\S.*$", FLAGS);
    private static final Pattern LABEL_CHANGE = Pattern.compile("^(.+?)\\s*(?::|\\s-+>?\\s|->|=>|=)\\s*(.+)$", FLAGS);
    /** Words that may stand around the date or priority of a labelled change ("due", "deadline", "now"). */
    private static final Set<String> CHANGE_FILLER = set("due", "deadline", "date", "by", "on", "for", "to", "now", "is", "priority",
            "prio", "new", "until", "till", "moved", "move", "set", "please", "the", "a", "at", "it's", "its", "instead", "pls");

    private Interpreter() {
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** What {@code message} asks for, with dates resolved against {@code today}. */
    public static Interpretation interpret(String message, LocalDate today) {
        return scheduled(message, plain(message, today), today);
    }

    /** {@code message} read without its repeat, time and reminder phrases. */
    private static Interpretation plain(String message, LocalDate today) {
        Interpretation in = read(message, today);
        // "!! rotate the AWS keys today": "!!" anywhere in a new task's message means high priority.
        return in.intent() == Intent.CREATE ? bang(in, Words.clean(message)) : in;
    }

    private static final Pattern RECURRING = Pattern.compile("\\b(?:an?\\s+)?(?:new\\s+)?(?:recurring|repeating|regular)\\s+(task|reminder|todo|to-do|item)\\b", FLAGS);
    /** "make task 3 repeat", "set the rent task to recur", "repeat the standup" (once the repeat phrase is taken out). */
    private static final Pattern REPEAT_UPDATE = Pattern.compile("^(?:(?:make|set|have|let|change|switch|update)\\s+(.+?)\\s+(?:to\\s+|so\\s+(?:that\\s+)?it\\s+)?"
            + "(?:repeat|recur)s?|(?:repeat|recur)\\s+(.+)|(.+?)\\s+(?:should|must|needs\\s+to|has\\s+to|will)\\s+(?:repeat|recur))$", FLAGS);

    /**
     * {@code plain} with the repeat ("every Monday"), time of day ("at 5pm") and reminder ("remind me 30 minutes
     * before") that {@code message} asks for. A repeat counts for a new task, or for a task asked to repeat ("make
     * task 3 repeat every Friday"); a new repeating task without a date is due on the rule's first date from today.
     * A time or reminder counts only with a due date. Without any of these phrases, {@code plain} is the answer.
     */
    private static Interpretation scheduled(String message, Interpretation plain, LocalDate today) {
        String text = Words.clean(message);
        Optional<RepeatPhrases.Match> found = RepeatPhrases.find(text);
        Optional<RepeatPhrases.Match> repeat = found;
        Optional<TimePhrases.Reminder> reminder = TimePhrases.reminder(text)
                .filter(r -> found.isEmpty() || r.end() <= found.get().start() || r.start() >= found.get().end());
        Optional<LocalTime> time = TimePhrases.time(text);
        if (repeat.isEmpty() && reminder.isEmpty() && time.isEmpty()) {
            return plain;
        }
        Interpretation in = plain;
        if (repeat.isPresent() || reminder.isPresent()) {
            String rest = without(text, repeat.map(r -> new int[] {r.start(), r.end()}).orElse(null),
                    reminder.map(r -> new int[] {r.start(), r.end()}).orElse(null));
            if (repeat.isPresent()) {
                // "add a recurring task to water the plants every Monday": the repeat says it recurs.
                rest = RECURRING.matcher(rest).replaceFirst("a $1");
            }
            Matcher update = REPEAT_UPDATE.matcher(strip(rest));
            boolean repeatIt = repeat.isPresent() && update.matches();
            Interpretation read = repeatIt ? Interpretation.target(Intent.UPDATE, group(update)) : plain(rest, today);
            // The phrases only add to a request that reads the same without them: in an edit such as "tag pay rent
            // as monthly", "monthly" is no repeat.
            if (repeatIt || read.intent() == plain.intent() && (read.intent() == Intent.UPDATE && repeat.isEmpty()
                    || read.intent() == Intent.CREATE && Titles.meaningful(read.title()))) {
                in = read;
            } else {
                repeat = Optional.empty();
                reminder = Optional.empty();
            }
        }
        if (in.intent() != Intent.CREATE && in.intent() != Intent.UPDATE) {
            return plain;
        }
        String rrule = repeat.map(RepeatPhrases.Match::rrule).orElse(null);
        LocalDate due = in.dueDate();
        if (rrule != null && in.intent() == Intent.CREATE) {
            // The first due date is one of the rule's: "every Wednesday starting next week" starts on that Wednesday.
            due = Recurrence.parse(rrule).firstOnOrAfter(due == null ? today : due);
        }
        if (rrule == null && due == null) {
            return plain;
        }
        return in.withSchedule(due, rrule, repeat.filter(RepeatPhrases.Match::fromCompletion).map(r -> "completion").orElse(null),
                time.orElse(null), reminder.map(TimePhrases.Reminder::minutes).orElse(null));
    }

    /** {@code text} without the spans given (each {start, end}, or null). */
    private static String without(String text, int[]... spans) {
        StringBuilder out = new StringBuilder(text);
        java.util.Arrays.stream(spans).filter(java.util.Objects::nonNull).sorted((a, b) -> b[0] - a[0])
                .forEach(span -> out.replace(span[0], span[1], " "));
        return out.toString().replaceAll("\\s+([,.;!?])", "$1").replaceAll("\\s+", " ").strip();
    }

    private static Interpretation read(String message, LocalDate today) {
        String text = Words.clean(message);
        String core = strip(ASK_TO_SEE.matcher(ASK_TO_KNOW.matcher(strip(text)).replaceFirst("")).replaceFirst("show "));
        core = VERB_LABEL.matcher(core).replaceFirst("$1 ");
        // "bring the dentist appointment forward to tomorrow": moving it earlier is moving it.
        core = FORWARD.matcher(core).replaceFirst("move $1$2 to ");
        // "the dentist moved my appointment to the 29th": someone else moved a task of mine.
        core = MOVED_MY.matcher(core).replaceFirst("$1 $2 was moved to ");
        Matcher topic = TOPIC_THEN_COMMAND.matcher(core);
        Matcher dictated = DICTATED_COMMAND.matcher(core);
        if (topic.matches()) {
            core = topic.group(1) + ", " + STATUS_ASIDE.matcher(topic.group(2)).replaceFirst("$1");
        } else if (!CLAUSE_BREAK.matcher(core).find() && dictated.matches() && !NO_BREAK_BEFORE.matcher(dictated.group(1)).matches()) {
            core = dictated.group(1) + ", " + STATUS_ASIDE.matcher(dictated.group(2)).replaceFirst("$1");
        }
        String lower = core.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.matches("[^\\p{L}\\p{N}]*")) {
            return Interpretation.chat(chatKind(text.toLowerCase(Locale.ROOT)));
        }
        // 1. Help and small talk.
        if (HELP.matcher(lower).matches()) {
            return Interpretation.of(Intent.HELP);
        }
        String kind = chatKind(lower);
        if (!kind.equals("unknown")) {
            return Interpretation.chat(kind);
        }
        if (OFF_TOPIC.matcher(lower).find() && !CREATE_MARKER.matcher(lower).find()
                && (QUESTION.matcher(lower).find() || text.strip().endsWith("?") || lower.matches("^(?:tell me|play|sing)\\b.*"))) {
            return Interpretation.chat("unknown");
        }
        // A help question after a remark ("I'm new here, how does this work?").
        Matcher parts = CLAUSE_BREAK.matcher(lower);
        if (parts.find() && HELP.matcher(strip(lower.substring(parts.end()))).matches()
                && List.of(Intent.CHAT, Intent.HELP).contains(interpret(lower.substring(0, parts.start()), today).intent())) {
            return Interpretation.of(Intent.HELP);
        }
        // "can you set due dates and stuff?": a question about what the assistant can do.
        if (CAPABILITY.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            return Interpretation.of(Intent.HELP);
        }
        Interpretation named = nameThenCommand(core, today);
        if (named != null) {
            return named;
        }
        // A statement about a task, then a command on it ("quarterly report reviewed, cross it off").
        Interpretation aboutIt = statementThenCommand(core, today);
        if (aboutIt != null) {
            return aboutIt;
        }
        // 2. Edits that start like a new task ("add a note to…", "add the work tag to…"), and "I want to <command>".
        Interpretation edit = tagOrNote(core, lower, today);
        if (edit != null) {
            return edit;
        }
        Matcher wish = WISH.matcher(core);
        if (wish.matches()) {
            return interpret(group(wish), today);
        }
        if (lower.matches("^remind me (?:what|which|how many|of what)\\b.*")) {
            return Interpretation.list(ListQuery.parse(lower, today));
        }
        // "add it back to my list", "add the passport task back": a done task back, not a new one.
        Matcher back = REOPEN.matcher(core);
        if (lower.matches("^add\\s.*\\bback\\b.*") && back.matches()) {
            return Interpretation.target(Intent.REOPEN, group(back));
        }
        // "no rush, fix the squeaky door", "when I get a chance, organize the bookshelf": how urgent or when, then the task.
        if (ledByUrgencyOrDate(core, today)) {
            return bang(create(core, today, false), text);
        }
        // 3. Explicit new tasks: "remind me to…", "add…", "I need to…", "urgent: …".
        if (CREATE_MARKER.matcher(lower).find() || PRIORITY_PREFIX.matcher(lower).find() || Titles.requestBody(core) != null) {
            return bang(create(core, today, BARE_ADD.matcher(lower).find()), text);
        }
        // 4. Changes to many tasks at once.
        Matcher them = THEM.matcher(lower);
        if (them.matches()) {
            boolean delete = them.group(1).matches("delete|remove|erase|trash|get rid of|clear|drop");
            return Interpretation.bulk(delete ? Intent.DELETE : Intent.COMPLETE, null);
        }
        Matcher move = BULK_MOVE.matcher(core);
        if (move.matches()) {
            Optional<DatePhrases.Match> to = DatePhrases.last(move.group(1), today);
            if (to.isPresent()) {
                String filter = move.group(1).substring(0, to.get().start()).replaceAll("(?i)\\s+(?:to|until|till|for)\\s*$", "");
                ListQuery query = ListQuery.parse(filter.toLowerCase(Locale.ROOT), today);
                return new Interpretation(Intent.UPDATE, null, to.get().date(), false, null, List.of(), List.of(), null, null,
                        true, query, false, null, null);
            }
        }
        Matcher setAll = BULK_SET.matcher(core);
        if (setAll.matches()) {
            Priorities.Found level = Priorities.find(setAll.group(1));
            if (level.priority() != null) {
                ListQuery query = ListQuery.parse(level.rest().toLowerCase(Locale.ROOT), today);
                return new Interpretation(Intent.UPDATE, null, null, false, level.priority(), List.of(), List.of(), null, null,
                        true, query, false, null, null);
            }
        }
        Matcher m = BULK_COMPLETE.matcher(lower);
        if (m.matches()) {
            return Interpretation.bulk(Intent.COMPLETE, ListQuery.parse(group(m), today));
        }
        m = BULK_DELETE.matcher(lower);
        if (m.matches()) {
            ListQuery q = ListQuery.parse(group(m), today);
            if (q.view() == null && q.status() == null && q.scope().isEmpty() && q.dueBefore() == null) {
                q = new ListQuery(null, "all", q.priority(), null, null, q.tags(), "in total");
            }
            return Interpretation.bulk(Intent.DELETE, q);
        }
        // 5. Changes to one task: reopen, delete, progress, update, complete; then showing one task.
        m = REOPEN.matcher(core);
        if (m.matches()) {
            // "finance asked for changes, so the expense report is not done anymore": the task is named after the reason
            String target = group(m).replaceFirst("(?i)^.*[,;]\\s*(?:and\\s+)?so\\s+(?=\\S)", "");
            return Interpretation.target(Intent.REOPEN, target.isBlank() ? "it" : target);
        }
        m = DELETE.matcher(core);
        // "cancel the gym membership before new year's day": cancelling by a date is a new task, not a deletion.
        // "cancel the gym membership", "cancel my streaming subscription": a contract one has, cancelled, is a new task too.
        boolean cancelBy = lower.startsWith("cancel ") && (DatePhrases.find(core, today).isPresent() || CANCELLABLE.matcher(lower).find());
        if (m.matches() && !cancelBy && !lower.matches("^(?:cancel|forget)\\s+(?:it|that)$")) {
            String target = group(m);
            if (!DELETE_TARGET_NOT.matcher(target).matches() || lower.startsWith("delete") || lower.startsWith("remove")
                    || lower.startsWith("cancel") || lower.startsWith("trash") || lower.startsWith("get rid")) {
                return Interpretation.target(Intent.DELETE, cleanTarget(target));
            }
        }
        boolean question = QUESTION.matcher(lower).find() && !lower.matches("^(?:can|could|would|will) (?:you|u)\\b.*");
        m = IN_PROGRESS.matcher(core);
        if (m.matches()) {
            return new Interpretation(Intent.UPDATE, null, null, false, null, List.of(), List.of(), null,
                    cleanTarget(group(m)), false, null, false, null, "in_progress");
        }
        Interpretation update = update(core, lower, today);
        if (update != null) {
            return update;
        }
        // "groceries done?" asks; it does not report.
        // "Could you mark the slides as completed?" asks for it to be done: a polite request, not a question.
        boolean asking = question || text.strip().endsWith("?") && !POLITE_REQUEST.matcher(text.toLowerCase(Locale.ROOT)).find();
        Interpretation complete = asking ? null : complete(core, lower, today);
        if (complete != null) {
            return complete;
        }
        m = GET.matcher(core);
        if (m.matches()) {
            String target = group(m);
            if (!target.toLowerCase(Locale.ROOT).matches("(?:my |all |the )?(?:tasks|todos|list|everything|you|yourself|it all)")) {
                return Interpretation.target(Intent.GET, cleanTarget(target));
            }
        }
        // A report on a task, then an aside ("grocery shopping done, fridge is full"); a remark, then a request
        // ("I'm sick, move the gym to friday").
        Matcher aside = CLAUSE_BREAK.matcher(core);
        if (aside.find() && aside.start() > 0) {
            Interpretation head = interpret(core.substring(0, aside.start()), today);
            String said = core.substring(0, aside.start());
            if (head.intent() == Intent.CHAT && aside.end() < core.length() && DatePhrases.find(said, today).isEmpty()
                    && Priorities.named(said) == null) {
                Interpretation rest = interpret(core.substring(aside.end()), today);
                if (rest.intent() != Intent.CHAT) {
                    return rest;
                }
            }
            if (REMARK.matcher(said).matches() && aside.end() < core.length()) {
                // "I'm not going on vacation anymore, delete the flights task": a remark about oneself, then a command
                // that names its task; the remark is no new task.
                Interpretation rest = interpret(core.substring(aside.end()), today);
                if (rest.target() != null && !rest.bulk() && !BACK_REFERENCE.matcher(rest.target()).matches()) {
                    return rest;
                }
            }
            if (head.target() != null && !head.bulk() && !BACK_REFERENCE.matcher(head.target()).matches()
                    && (head.intent() == Intent.COMPLETE || head.intent() == Intent.REOPEN || head.intent() == Intent.DELETE)) {
                // "worked out today, tick off the gym": the command names the task better than the report; "the passport
                // application bounced, so uncheck the passport renewal": a later command on a task it names is the request.
                Interpretation then = aside.end() < core.length() ? interpret(core.substring(aside.end()), today) : null;
                return then != null && CHANGES.contains(then.intent()) && then.target() != null && !then.bulk()
                        && !BACK_REFERENCE.matcher(then.target()).matches() && Titles.meaningful(then.target()) ? then : head;
            }
        }
        // 6. Questions about the tasks.
        if (LIST_BARE.matcher(lower).matches() || LIST_ITEMS.matcher(lower).matches() || LIST_NAMED.matcher(lower).matches() || (LIST_START.matcher(lower).find() && LIST_WORDS.matcher(lower).find())
                || LIST_SORTED.matcher(lower).matches()) {
            return Interpretation.list(ListQuery.parse(lower, today));
        }
        Matcher show = SHOW.matcher(core);
        if (show.matches() && !LIST_WORDS.matcher(lower).find()) {
            return Interpretation.target(Intent.GET, cleanTarget(show.group(1)));
        }
        if (MOOD.matcher(lower).matches() || MOOD.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            return Interpretation.chat("unknown");
        }
        // 7. A sentence that reads like a task ("buy milk tomorrow"); anything else is small talk, never a task.
        List<String> words = Words.tokens(lower);
        boolean asked = question || (text.strip().endsWith("?") && !POLITE_REQUEST.matcher(text.toLowerCase(Locale.ROOT)).find());
        if (!asked && words.size() >= 2 && (ACTION_VERBS.contains(words.get(0)) || words.get(0).endsWith("ify"))
                && !(words.get(0).equals("back") && !words.get(1).equals("up"))) {
            return bang(create(core, today, false), text);
        }
        if (!asked && words.size() >= 2) {
            Interpretation created = create(core, today, false);
            if (Titles.meaningful(created.title()) && (created.dueDate() != null || created.priority() != null
                    || !Tags.infer(created.title()).isEmpty())) {
                return bang(created, text);
            }
        }
        return Interpretation.chat(GREETING.matcher(text.toLowerCase(Locale.ROOT)).matches() ? "greeting" : "unknown");
    }

    /**
     * A statement that names a task, then a command that refers to it by a pronoun: "the quarterly report can
     * wait, make it low priority", "back from the gym, tick that off", "rent is actually due on the 5th, update
     * it", "mom call - make it urgent". The command decides what to do, the statement which task; a change the
     * command leaves out (the 5th) is taken from the statement. {@code null} if the message is not like that.
     */
    private static Interpretation statementThenCommand(String core, LocalDate today) {
        Matcher brk = CLAUSE_BREAK.matcher(core);
        while (brk.find()) {
            String statement = core.substring(0, brk.start()).strip();
            String command = strip(core.substring(brk.end()));
            if (statement.isEmpty() || command.isEmpty() || !isStatement(statement)) {
                continue;
            }
            if (UPDATE_IT.matcher(command).matches()) {
                // "plants don't need a due date, clear it": the statement is the change.
                Interpretation said = interpret(statement, today);
                if (said.intent() == Intent.UPDATE && said.hasChanges() && said.target() != null
                        && !BACK_REFERENCE.matcher(said.target()).matches()) {
                    return said;
                }
            }
            Interpretation act = UPDATE_IT.matcher(command).matches() ? Interpretation.target(Intent.UPDATE, "it")
                    : interpret(command, today);
            if (act.target() == null || act.bulk() || !BACK_REFERENCE.matcher(act.target()).matches()) {
                continue;
            }
            Interpretation said = interpret(statement, today);
            String subject = said.target() != null && !BACK_REFERENCE.matcher(said.target()).matches() && !said.bulk()
                    ? said.target() : cleanTarget(Titles.subject(statement));
            // "milk and eggs tomorrow, make it urgent" is a new task, not a statement about one.
            if (!Titles.meaningful(subject) || said.intent() == Intent.CHAT && Words.tokens(statement).size() < 2
                    || said.intent() == Intent.CREATE && said.dueDate() != null) {
                continue;
            }
            LocalDate due = act.dueDate();
            String priority = act.priority();
            if (act.intent() == Intent.UPDATE && said.intent() != Intent.CREATE) {
                due = due != null ? due : said.dueDate();
                priority = priority != null ? priority : said.priority();
            } else if (act.intent() == Intent.UPDATE && due == null && priority == null) {
                due = DatePhrases.find(statement, today).map(DatePhrases.Match::date).orElse(null);
                priority = Priorities.named(statement);
            }
            return new Interpretation(act.intent(), act.title(), due, act.clearDue(), priority, act.tags(), act.removeTags(),
                    act.description(), subject, false, null, false, null, act.status());
        }
        return null;
    }

    /**
     * True if {@code core} starts with a clause that only says how urgent the task is or when it is due, and the rest is a
     * new task: "no rush, fix the squeaky door", "when I get a chance, organize the bookshelf", "by friday, review X".
     */
    private static boolean ledByUrgencyOrDate(String core, LocalDate today) {
        Matcher brk = CLAUSE_BREAK.matcher(core);
        if (!brk.find() || brk.start() == 0 || brk.end() >= core.length()) {
            return false;
        }
        String head = core.substring(0, brk.start());
        Optional<DatePhrases.Match> date = DatePhrases.find(head, today);
        String left = date.map(d -> head.substring(0, d.start()) + " " + head.substring(d.end())).orElse(head);
        Priorities.Found level = Priorities.find(left);
        if (date.isEmpty() && level.priority() == null || Titles.meaningful(Titles.clean(level.rest()))) {
            return false;
        }
        return interpret(core.substring(brk.end()), today).intent() == Intent.CREATE;
    }

    /**
     * Verbs of a chore that are also commands on a task: "finish the kitchen renovation project", "update the onboarding
     * docs", "cancel the streaming subscription", "check the tyre pressure", "clear the gutters", "drop off the parcel".
     */
    private static final Set<String> CHORE_COMMANDS = set("finish", "update", "cancel", "change", "check", "clear", "drop", "review");

    /**
     * {@code message}, read as {@code in} (a command on a task no task matches), as a new task when it starts with a
     * chore verb that is also a command and names its object ("finish the kitchen renovation project"); else null.
     */
    static Interpretation asNewTask(String message, Interpretation in, LocalDate today) {
        String core = strip(Words.clean(message));
        List<String> words = Words.tokens(core.toLowerCase(Locale.ROOT));
        if (in.bulk() || in.target() == null || BACK_REFERENCE.matcher(in.target()).matches() || words.size() < 2
                || !CHORE_COMMANDS.contains(words.get(0)) || core.toLowerCase(Locale.ROOT).matches(".*\\b(?:as\\s+)?(?:done|complete|completed|finished)$")) {
            return null;
        }
        Interpretation created = create(core, today, false);
        return Titles.meaningful(created.title()) ? bang(created, Words.clean(message)) : null;
    }

    /** "garage: move to next month": the command, with "it" for its object, on the task named before the separator. */
    private static Interpretation nameThenCommand(String core, LocalDate today) {
        Matcher m = NAME_THEN_COMMAND.matcher(core);
        if (!m.matches() || Titles.requestBody(core) != null || CREATE_MARKER.matcher(m.group(1).toLowerCase(Locale.ROOT)).find()) {
            return null;
        }
        String rest = m.group(3).replaceFirst("(?i)^\\s+(?:it|this|that)\\b", "");
        Interpretation act = interpret(m.group(2) + " it" + rest, today);
        if (act.target() == null || act.bulk() || !act.target().equalsIgnoreCase("it")) {
            return null;
        }
        return new Interpretation(act.intent(), act.title(), act.dueDate(), act.clearDue(), act.priority(), act.tags(),
                act.removeTags(), act.description(), cleanTarget(m.group(1)), false, null, false, null, act.status());
    }

    /** True if {@code text} says something about a task rather than asking for a new one or a list. */
    private static boolean isStatement(String text) {
        String lower = strip(text).toLowerCase(Locale.ROOT);
        List<String> words = Words.tokens(lower);
        if (!words.isEmpty() && Titles.STATEMENT_START.matcher(lower).find()) {
            return true; // "I'll need more time on the slides", "I didn't submit the report"
        }
        if (words.isEmpty() || CREATE_MARKER.matcher(lower).find() || PRIORITY_PREFIX.matcher(lower).find()
                || QUESTION.matcher(lower).find() || HELP.matcher(lower).matches() || LIST_BARE.matcher(lower).matches()) {
            return false;
        }
        // "rent is less pressing now", "email John can wait": a noun that is also a verb, then "is" or a modal, is a subject
        return !(ACTION_VERBS.contains(words.get(0)) && !(words.get(0).equals("back") && words.size() > 1 && !words.get(1).equals("up")))
                || COPULA_NEXT.matcher(lower).find();
    }

    /** A verb-like first word that is the subject: "rent is…", "water bill can wait", "email John isn't urgent". */
    private static final Pattern COPULA_NEXT = Pattern.compile("^[\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?\\s+(?:is|isn't|was|wasn't|are|aren't|can|could|should|must|needs|has|'s)\\s", FLAGS);

    /**
     * True if {@code message}, read as {@code in}, is a new task only because it names something with a date or priority,
     * without a verb or a request ("quarterly report by end of the week"): it may mean a task that exists.
     */
    static boolean verbless(String message, Interpretation in, LocalDate today) {
        String lower = strip(Words.clean(message)).toLowerCase(Locale.ROOT);
        List<String> words = Words.tokens(lower);
        return in.intent() == Intent.CREATE && (in.dueDate() != null || in.priority() != null) && !words.isEmpty()
                && !CREATE_MARKER.matcher(lower).find() && !PRIORITY_PREFIX.matcher(lower).find() && Titles.requestBody(lower) == null
                && (!ACTION_VERBS.contains(words.get(0)) || labelledChange(lower, today)) && Titles.quoted(lower) == null;
    }

    /**
     * "Call mom: due Sunday", "rent -> next friday", "slides - high prio": a name, a separator, then only a date or a
     * priority. Like a name without a verb, it changes the task of that name if there is one, even when the name
     * starts with a verb.
     */
    private static boolean labelledChange(String lower, LocalDate today) {
        Matcher m = LABEL_CHANGE.matcher(lower);
        if (!m.matches()) {
            return false;
        }
        String change = m.group(2);
        Optional<DatePhrases.Match> date = DatePhrases.find(change, today);
        if (date.isPresent()) {
            change = change.substring(0, date.get().start()) + " " + change.substring(date.get().end());
        }
        return Words.tokens(Priorities.find(change).rest()).stream().allMatch(CHANGE_FILLER::contains);
    }

    /** {@code text} without leading politeness ("hey, could you please") and trailing thanks or punctuation. */
    static String strip(String text) {
        String t = text.strip();
        String before;
        do {
            before = t;
            t = POLITE_START.matcher(t).replaceFirst("");
            t = POLITE_END.matcher(t).replaceFirst("");
        } while (!t.equals(before) && !t.isEmpty());
        return t.strip();
    }

    private static String chatKind(String lower) {
        if (lower.isBlank() || GREETING.matcher(lower).matches()) {
            return "greeting";
        }
        if (DATE_QUESTION.matcher(lower).matches()) {
            return "date";
        }
        if (WHO.matcher(lower).matches()) {
            return "who";
        }
        if (FEELING.matcher(lower).matches()) {
            return "feeling";
        }
        if (THANKS.matcher(lower).matches()) {
            return "thanks";
        }
        if (BYE.matcher(lower).matches()) {
            return "bye";
        }
        if (lower.matches("^(?:yes|yeah|yep|yup|no|nope|nah|sure|maybe|ok|okay|k|alright|cancel|never ?mind|nvm|forget it|stop)\\b[\\s!.]*$")) {
            return "ack";
        }
        return "unknown";
    }

    private static Interpretation tagOrNote(String core, String lower, LocalDate today) {
        Matcher m = NOTE_IT.matcher(core);
        if (m.matches()) {
            return new Interpretation(Intent.UPDATE, null, null, false, null, List.of(), List.of(), m.group(1).strip(),
                    "it", false, null, false, null, null);
        }
        m = NOTE.matcher(core);
        if (!m.matches()) {
            m = NOTE2.matcher(core);
        }
        if (m.matches()) {
            return new Interpretation(Intent.UPDATE, null, null, false, null, List.of(), List.of(), m.group(2).strip(),
                    cleanTarget(m.group(1)), false, null, false, null, null);
        }
        m = NOTE_QUOTED.matcher(core);
        if (m.matches()) {
            return new Interpretation(Intent.UPDATE, null, null, false, null, List.of(), List.of(), m.group(2).strip(),
                    cleanTarget(m.group(3)), false, null, false, null, null);
        }
        m = TAG_REPLACE.matcher(core);
        if (m.matches()) {
            String target = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
            String named = m.group(1) != null ? m.group(2) : m.group(3) != null ? m.group(4) : m.group(6);
            return withTags(target, tagList(named), List.of("*"));
        }
        m = TAGGED_AS.matcher(core);
        if (m.matches()) {
            return withTags(m.group(1), tagList(m.group(3)), m.group(2) != null ? List.of("*") : List.of());
        }
        m = TAG_ADD.matcher(core);
        if (m.matches() && !m.group(1).equalsIgnoreCase("a") && (lower.contains("tag") || lower.contains("label"))) {
            return withTags(m.group(2), List.of(m.group(1).toLowerCase(Locale.ROOT)), List.of());
        }
        // "tag the gym one personal as well": "as well", "too" are not tags.
        m = TAG_SET.matcher(core.replaceAll("(?i)\\s+(?:too|as well|also)(?=\\s*(?:,|$))", ""));
        if (m.matches()) {
            String target = m.group(1) != null ? m.group(1) : m.group(3);
            String named = m.group(1) != null ? m.group(2) : m.group(4);
            // "retag X: a, b" replaces the task's tags; "tag X as a" adds to them; "… instead of b" takes b off.
            Matcher instead = INSTEAD_OF.matcher(named);
            List<String> off = instead.find() ? tagList(named.substring(instead.end())) : List.of();
            String on = instead.reset().find() ? named.substring(0, instead.start()) : named;
            return withTags(target, tagList(on), lower.matches("^re-?(?:tag|label)\\b.*") ? List.of("*") : off);
        }
        m = TAG_REMOVE.matcher(core);
        if (m.matches()) {
            if (m.group(1) != null) {
                return withTags(m.group(2), List.of(), List.of(m.group(1).toLowerCase(Locale.ROOT)));
            }
            if (m.group(3) != null) {
                return withTags(m.group(4), List.of(), List.of(m.group(3).toLowerCase(Locale.ROOT)));
            }
            return withTags(m.group(5), List.of(), m.group(6) == null ? List.of("*") : List.of(m.group(6).toLowerCase(Locale.ROOT)));
        }
        m = TAG_IT.matcher(core);
        if (m.matches()) {
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            boolean off = m.group(1).toLowerCase(Locale.ROOT).matches("remove|delete|drop|take off|lose|ditch");
            return withTags("it", off ? List.of() : List.of(tag), off ? List.of(tag) : List.of());
        }
        m = CLEAR_DUE.matcher(core);
        if (m.matches()) {
            return new Interpretation(Intent.UPDATE, null, null, true, null, List.of(), List.of(), null,
                    cleanTarget(group(m)), false, null, false, null, null);
        }
        return null;
    }

    /** Where the tags to take off start: "as personal instead of home", "as work rather than personal". */
    private static final Pattern INSTEAD_OF = Pattern.compile("\\s+(?:instead of|rather than|in place of|and not|not)\\s+", FLAGS);

    /** The tags named in "a, b and c" (quotes and "#" dropped); an aside after them ends the list. */
    private static List<String> tagList(String named) {
        List<String> tags = new ArrayList<>();
        for (String tag : named.split("\\s*(?:,|\\band\\b|&|\\bplus\\b)\\s*")) {
            // "retag as work only": "only" says the tags are replaced, it is no tag
            String t = tag.strip().replaceAll("^['\"]|['\"]$", "").replaceFirst("^#", "").replaceAll("\\s+(?:tags?|labels?|only|alone)$", "")
                    .replaceAll("[.!?]+$", "").strip().toLowerCase(Locale.ROOT);
            if (Words.tokens(t).size() > 2) {
                break; // "…, the kids are helping": an aside, the tags have ended
            }
            if (!t.isEmpty()) {
                tags.add(t.replaceAll("\\s+", "-"));
            }
        }
        return tags;
    }

    private static Interpretation withTags(String target, List<String> add, List<String> remove) {
        return new Interpretation(Intent.UPDATE, null, null, false, null, add, remove, null, cleanTarget(target), false,
                null, false, null, null);
    }

    /** "!!" in the message (stripped from {@code core} with the other final punctuation) means high priority. */
    private static Interpretation bang(Interpretation in, String text) {
        if (in.priority() != null || !text.contains("!!")) {
            return in;
        }
        return new Interpretation(in.intent(), in.title(), in.dueDate(), false, "high", in.tags(), List.of(),
                in.description(), null, false, null, in.askDue(), null, null);
    }

    /** A new task from {@code core}: its date, priority, tags and title. */
    static Interpretation create(String request, LocalDate today, boolean bareAdd) {
        // "Please make a note: buy ink" is the task "buy ink" (its "note:" is no description).
        String body = Titles.requestBody(request);
        String core = body != null ? body : request;
        String quoted = Titles.quoted(core);
        String rest = core;
        if (quoted != null) {
            int at = rest.indexOf(quoted);
            String outside = rest.substring(0, Math.max(0, at - 1)) + " " + rest.substring(Math.min(rest.length(), at + quoted.length() + 1));
            if (quotedIsTheTitle(outside, today)) {
                rest = outside;
            } else {
                quoted = null;
            }
        }
        boolean shoppingList = false;
        Matcher list = Pattern.compile("\\s+(?:to|on|onto)\\s+(?:my\\s+|the\\s+)?(?:shopping|grocery|groceries)\\s+list\\b", FLAGS).matcher(rest);
        if (list.find()) {
            shoppingList = true;
            rest = rest.substring(0, list.start()) + " " + rest.substring(list.end());
        }
        String description = null;
        Matcher note = Pattern.compile("[\\s,;.]*\\b(?:with (?:a |the )?)?(?:note|notes|description|details)\\s*[:-]\\s*(.+)$", FLAGS).matcher(rest);
        if (note.find()) {
            description = note.group(1).strip();
            rest = rest.substring(0, note.start());
        }
        LocalDate due = null;
        Matcher correction = CORRECTION.matcher(rest);
        if (correction.find() && correction.start() > 0) {
            // "on thursday, no wait, friday": the date said again replaces the one taken back.
            Optional<DatePhrases.Match> again = DatePhrases.find(correction.group(1), today);
            String head = rest.substring(0, correction.start());
            Optional<DatePhrases.Match> first = DatePhrases.find(head, today);
            if (again.isPresent() && first.isPresent() && Titles.clean(correction.group(1).substring(0, again.get().start())
                    + " " + correction.group(1).substring(again.get().end())).isEmpty()) {
                due = again.get().date();
                // "next tuesday, no wait, wednesday": the day said again is in the week said first
                String said = head.substring(first.get().start(), first.get().end()).toLowerCase(Locale.ROOT);
                String again2 = correction.group(1).substring(again.get().start(), again.get().end());
                if (said.matches(".*\\bnext\\s+\\p{L}+day\\b.*") && again2.matches("(?i)(?:on\\s+|for\\s+)?\\p{L}+day")) {
                    due = DatePhrases.find("next " + again2.replaceFirst("(?i)^(?:on|for)\\s+", ""), today).map(DatePhrases.Match::date).orElse(due);
                }
                rest = head.substring(0, first.get().start()) + " " + head.substring(first.get().end());
            }
        }
        Optional<DatePhrases.Match> date = due != null ? Optional.empty() : DatePhrases.find(rest, today);
        if (date.isPresent()) {
            due = date.get().date();
            rest = rest.substring(0, date.get().start()) + " " + rest.substring(date.get().end());
        }
        Tags.Found explicit = Tags.explicit(rest);
        Priorities.Found priority = Priorities.find(explicit.rest());
        String title = quoted != null ? Words.capitalise(quoted) : Titles.clean(priority.rest());
        if (shoppingList && !title.isEmpty() && !title.toLowerCase(Locale.ROOT).startsWith("buy ")) {
            title = "Buy " + title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
        }
        if (due == null && CLOCK.matcher(core).find()) {
            due = today;
        }
        Set<String> tags = new LinkedHashSet<>(explicit.tags());
        tags.addAll(Tags.infer(title, explicit.tags()));
        boolean ask = bareAdd && due == null && priority.priority() == null && explicit.tags().isEmpty();
        return new Interpretation(Intent.CREATE, title, due, false, priority.priority(), new ArrayList<>(tags), List.of(),
                description, null, false, null, ask, null, null);
    }

    /** True if the words around a quoted title are only filler, dates, priorities and tags ("add '...' for tomorrow"). */
    private static boolean quotedIsTheTitle(String outside, LocalDate today) {
        String rest = outside;
        Optional<DatePhrases.Match> date = DatePhrases.find(rest, today);
        if (date.isPresent()) {
            rest = rest.substring(0, date.get().start()) + " " + rest.substring(date.get().end());
        }
        rest = Priorities.find(Tags.explicit(rest).rest()).rest();
        return Titles.clean(rest.replaceAll("(?i)\\b(?:called|named|titled|saying|that says|as)\\b", " ")).isEmpty();
    }

    private static Interpretation update(String core, String lower, LocalDate today) {
        Matcher quoted = RENAME_QUOTED.matcher(core);
        if (quoted.matches()) {
            return new Interpretation(Intent.UPDATE, Words.capitalise(quoted.group(4).strip()), null, false, null, List.of(),
                    List.of(), null, cleanTarget(quoted.group(2)), false, null, false, null, null);
        }
        Matcher toQuoted = RENAME_TO_QUOTED.matcher(core);
        if (toQuoted.matches() && !lower.matches("^(?:change|update|edit)\\s+(?:the\\s+)?(?:due date|deadline|date|priority|tags?|note|description)\\b.*")) {
            return new Interpretation(Intent.UPDATE, Words.capitalise(toQuoted.group(3).strip()), null, false, null, List.of(),
                    List.of(), null, cleanTarget(toQuoted.group(1)), false, null, false, null, null);
        }
        Matcher m = RENAME.matcher(core);
        if (m.matches()) {
            String target = null;
            String title = null;
            for (int g = 1; g <= m.groupCount(); g += 2) {
                if (m.group(g) != null) {
                    target = m.group(g);
                    title = m.group(g + 1);
                }
            }
            String clean = title.strip().replaceAll("^['\"]|['\"]$", "").replaceAll("[.!]+$", "").strip();
            return new Interpretation(Intent.UPDATE, Words.capitalise(clean), null, false, null, List.of(), List.of(), null,
                    cleanTarget(target), false, null, false, null, null);
        }
        boolean question = (QUESTION.matcher(lower).find() || lower.startsWith("any"))
                && !lower.matches("^(?:can|could)\\b.*\\bwait\\b.*");
        Matcher dueOf = DUE_OF.matcher(core);
        if (dueOf.matches()) {
            boolean first = dueOf.group(1) != null;
            Optional<DatePhrases.Match> when = DatePhrases.find(first ? dueOf.group(2) : dueOf.group(4), today);
            if (when.isPresent()) {
                return new Interpretation(Intent.UPDATE, null, when.get().date(), false, null, List.of(), List.of(), null,
                        cleanTarget(first ? dueOf.group(1) : dueOf.group(3)), false, null, false, null, null);
            }
        }
        Matcher priorityOf = PRIORITY_OF.matcher(core);
        if (priorityOf.matches() && !question) {
            String w = priorityOf.group(2).toLowerCase(Locale.ROOT);
            String level = w.matches("top|urgent") ? "high" : w.equals("normal") ? "medium" : w;
            return new Interpretation(Intent.UPDATE, null, null, false, level, List.of(), List.of(), null,
                    cleanTarget(priorityOf.group(1)), false, null, false, null, null);
        }
        Matcher isPriority = IS_PRIORITY.matcher(core);
        // "Write to the Hendersons. There is no rush.": a remark on urgency after a request names no task.
        if (isPriority.matches() && !question && (isPriority.group(1) == null || !isPriority.group(1).matches("(?is).*[.?!;]\\s.*|there|it|this|that"))) {
            boolean canWait = isPriority.group(4) != null;
            String word = (canWait ? "no rush" : isPriority.group(2)).toLowerCase(Locale.ROOT);
            boolean negated = isPriority.group(0).toLowerCase(Locale.ROOT).matches(".*\\b(?:isn't|is not|aren't|are not)\\s.*");
            boolean less = word.matches("(?:less|not|no longer|no rush)\\b.*");
            String priority = negated || less ? "low"
                    : word.startsWith("more ") || word.equals("a priority") || word.matches("pressing|time-sensitive") ? "high" : Priorities.named(word);
            return new Interpretation(Intent.UPDATE, null, null, false, priority, List.of(), List.of(), null,
                    cleanTarget(canWait ? isPriority.group(3) : isPriority.group(1)), false, null, false, null, null);
        }
        Matcher isDue = IS_DUE.matcher(core);
        Matcher verb = UPDATE_VERB.matcher(core);
        // "gym in 3 days instead": "instead" says a change, like a leading "actually".
        boolean actually = ACTUALLY.matcher(lower).find() || lower.matches(".*\\binstead$");
        boolean prioritize = lower.matches("^(?:please )?(?:re)?prioriti[sz]e\\b.*") || lower.matches("^(?:please )?deprioriti[sz]e\\b.*");
        if ((!isDue.matches() || question) && !verb.find() && !actually && !prioritize) {
            return null;
        }
        String rest = core;
        LocalDate due = null;
        Optional<DatePhrases.Match> date = DatePhrases.find(rest, today);
        if (date.isPresent()) {
            due = date.get().date();
            rest = rest.substring(0, date.get().start()) + " " + rest.substring(date.get().end());
        }
        Priorities.Found found = Priorities.find(rest);
        String priority = found.priority();
        rest = found.rest();
        Matcher level = Pattern.compile("\\b(?:to|as)?\\s*\\b(high|low|medium|normal|top)\\b(?:\\s+(?:priority|prio))?\\s*$", FLAGS).matcher(rest);
        if (priority == null && level.find() && lower.matches(".*\\b(?:priority|prio|make|set|change|bump|raise|lower|mark|flag)\\b.*")) {
            String w = level.group(1).toLowerCase(Locale.ROOT);
            priority = w.equals("top") ? "high" : w.equals("normal") ? "medium" : w;
            rest = rest.substring(0, level.start());
        }
        if (priority == null && prioritize) {
            priority = lower.contains("deprioriti") ? "low" : "high";
        }
        if (priority == null && lower.matches(".*\\b(?:bump up|raise|increase)\\b.*\\bpriority\\b.*")) {
            priority = "high";
        }
        if (priority == null && lower.matches(".*\\b(?:lower|decrease|reduce)\\b.*\\bpriority\\b.*")) {
            priority = "low";
        }
        Matcher changeTo = CHANGE_TO.matcher(core);
        if (due == null && priority == null && changeTo.matches()) {
            String title = changeTo.group(2).strip().replaceAll("^['\"]|['\"]$", "");
            return new Interpretation(Intent.UPDATE, Words.capitalise(title), null, false, null, List.of(), List.of(), null,
                    cleanTarget(changeTo.group(1)), false, null, false, null, null);
        }
        if (due == null && priority == null) {
            if (actually || !(verb.reset().find()) || lower.matches("^(?:make|set|put|give|turn|mark|flag|change|update|edit)\\b.*")
                    && !lower.matches("^(?:change|update|edit|modify|adjust)\\s+(?:the\\s+)?(?:due date|deadline|date|priority)\\b.*")) {
                return null;
            }
        }
        String target = rest;
        if (isDue.reset().matches() && due != null) {
            target = group(isDue);
        }
        target = target.replaceFirst("(?i)^(?:(?:actually|no|nope|wait|oh|hmm|sorry|oops|scratch that|correction|instead)\\b[\\s,!.:;-]*)*", "");
        target = target.replaceFirst("(?i)^(?:(?:can|could|would) (?:you|u) )?(?:please )?(?:move|push(?: back)?|reschedule|re-schedule|postpone|delay|bump(?: up)?|shift"
                + "|defer|change|set|put|make|update|switch|(?:re)?prioriti[sz]e|deprioriti[sz]e|raise|lower|flag|edit|adjust|modify|give|mark|turn|increase|decrease|reduce)\\b", "");
        target = target.replaceFirst("(?i)^\\s*(?:the\\s+)?(?:due date|deadline|date|priority|due)\\s+(?:of|for|on)\\b", "");
        target = target.replaceFirst("(?i)(?:'s)?\\s+(?:(?:the\\s+)?(?:due date|deadline|date|priority)\\s*)?(?:to|until|till|for|back|as|into|so it's|so its|so it is|so that it's|and make it|and set it)?\\s*(?:due|priority|a)?\\s*$", "");
        target = target.replaceFirst("(?i)^\\s*(?:back|up|the\\s+priority\\s+of|priority\\s+of|the\\s+priority\\s+on)\\b", "");
        target = target.replaceFirst("(?i)\\s+(?:back|up|by|out|over|is|are|should be|so|it|that|a)\\s*$", "").strip();
        if (target.isEmpty() && (actually || lower.startsWith("make that") || lower.startsWith("make it"))) {
            target = "it";
        }
        String t = cleanTarget(target);
        if (t.isEmpty()) {
            t = "it";
        }
        return new Interpretation(Intent.UPDATE, null, due, false, priority, List.of(), List.of(), null, t, false,
                null, false, null, null);
    }

    private static Interpretation complete(String core, String lower, LocalDate today) {
        if (lower.matches("^(?:finish|complete)\\b.*") && DatePhrases.find(core, today).isPresent()) {
            return null;
        }
        Matcher m = COMPLETE.matcher(core);
        if (m.matches()) {
            String target = group(m);
            if (!target.isBlank()) {
                return Interpretation.target(Intent.COMPLETE, cleanTarget(target));
            }
        }
        if (lower.matches("^(?:mark|set)?\\s*(?:it|that|this|that one|this one)?\\s*(?:as\\s+)?(?:done|complete|completed|finished)$")
                || lower.matches("^(?:it's|its|it is|that's|that is)\\s+(?:done|finished|complete)$")) {
            return Interpretation.target(Intent.COMPLETE, "it");
        }
        Matcher state = IS_PARTICIPLE.matcher(core);
        if (state.matches() && !NOT_PAST.contains(state.group(2).toLowerCase(Locale.ROOT))
                && !state.group(1).toLowerCase(Locale.ROOT).matches("(?:i|i'm|im|you|we|it|that|this|he|she|they|there|what|which|who)(?:\\s.*)?")) {
            return Interpretation.target(Intent.COMPLETE, cleanTarget(state.group(1)));
        }
        Matcher participle = PARTICIPLE.matcher(core);
        if (participle.matches() && !NOT_PAST.contains(participle.group(2).toLowerCase(Locale.ROOT))
                && !CAUSATIVE.matcher(participle.group(1)).matches()
                && !participle.group(1).toLowerCase(Locale.ROOT).matches("(?:i|i'm|im|you|you're|we|we're|it|it's|that|this|he|she|they|they're|so|very|i am|too|got)(?:\\s.*)?")) {
            return Interpretation.target(Intent.COMPLETE, cleanTarget(core));
        }
        Matcher same = SAME_PAST.matcher(core);
        if (same.matches()) {
            return Interpretation.target(Intent.COMPLETE, cleanTarget(same.group(1)));
        }
        m = PAST.matcher(core);
        if (m.matches()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            boolean past = PAST_IRREGULAR.contains(verb)
                    || (verb.endsWith("ed") && verb.length() >= 5 && !NOT_PAST.contains(verb));
            if (past && !NOT_PAST.contains(verb)) {
                if (m.group(2).toLowerCase(Locale.ROOT).matches("(?:it|that|this|that one|this one|them)(?:\\s+(?:already|now|today|finally))?")) {
                    return Interpretation.target(Intent.COMPLETE, "it");
                }
                return Interpretation.target(Intent.COMPLETE, cleanTarget(m.group(1) + " " + m.group(2)));
            }
        }
        return null;
    }

    /** The words naming a task, without articles, "task" and trailing filler. */
    static String cleanTarget(String target) {
        String t = target == null ? "" : target.strip().replaceFirst("^[\\s:;,.-]+", "");
        // An aside after the task's name is no part of it: "the plants reminder, they died lol", "… because …".
        t = ASIDE.matcher(t).replaceFirst("").replaceFirst("\\s*[,;]\\s.*$", "");
        // "the task about the meeting slides", "the item regarding the rent": the words after the preposition name it.
        t = t.replaceAll("(?i)^(?:(?:the|that|this|my|a)\\s+)?(?:task|todo|to-do|item|entry|reminder|one|thing)\\s+(?:about|regarding|concerning|re|on|for"
                + "|related to|relating to|referring to|called|named|titled|with|to)\\s+(?=\\S)", "");
        t = t.replaceAll("(?i)^(?:the|my|our|a|an|that|this)\\s+(?=\\S+\\s+\\S)", "");
        t = t.replaceAll("(?i)\\s+(?:task|todo|to-do|item|one|thing|reminder)$", "");
        t = t.replaceAll("(?i)\\s+(?:from|off|on)\\s+(?:my|the)\\s+(?:list|todo list|to-do list|tasks)$", "");
        t = t.replaceAll("(?i)\\s+(?:please|thanks|now|already|too|again|as well|for me|today)$", "");
        t = t.replaceAll("(?i)^(?:the|my)\\s+", "");
        t = t.replaceAll("^['\"]|['\"]$", "").replaceAll("[.!?,]+$", "");
        t = t.replaceAll("(?i)\\s+(?:instead|then|too|as well|also|please)$", "");
        t = t.replaceAll("(?i)^(that|it|this)(?:'s| is| was)$", "$1");
        return t.strip();
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g).strip();
            }
        }
        return "";
    }
}

package dev.todo.core.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags for a task. Explicit ones ("#work", "tag it work", "tagged work, urgent") are taken as written;
 * others are inferred from the title with a small vocabulary, one rule per tag: "email John" gets
 * {@code email}, "buy groceries" gets {@code errands}, "pay rent" gets {@code finance}, and so on.
 */
public final class Tags {

    /** The tags found and the text with the explicit tag phrases removed. */
    public record Found(List<String> tags, String rest) {
    }

    /**
     * A tag, the words that imply it, and weaker words that imply it only when another tag ({@code unless})
     * does not apply: "buy" is an errand, but buying a present is shopping.
     */
    private record Rule(String tag, Pattern pattern, Pattern weak, Set<String> unless) {
    }

    /** People of one's family (who are picked up, called, visited). */
    private static final String PEOPLE = "(?:mom|mum|mother|dad|father|moms|mums|dads|parents|grandparents|grandma|grandpa|granny|grandmother|grandfather"
            + "|sisters?|brothers?|kids|children|sons?|daughters?|wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|aunts?|uncles?|cousins?"
            + "|nephews?|nieces?|grandkids|grandchildren|grandsons?|granddaughters?|step(?:mom|mum|dad|son|daughter|mother|father)s?"
            + "|(?:mother|father|brother|sister|son|daughter)s?-in-law|baby|toddler)";

    /** What makes a project a student's, not work: "group project", "school project meeting". */
    private static final String STUDENT = "(?:group|school|class|science|art|college|uni|university|history|final)";

    /** What makes a project one's own at home, not work: "kitchen renovation project", "DIY project". */
    private static final String HOME_PROJECT = "(?:renovation|diy|garden|home|house|kitchen|bathroom|craft|sewing|knitting|woodworking|lego|summer)";

    /** The vocabulary: a tag and the words (regular expression over the lower-case title) that imply it. */
    private static final List<Rule> RULES = List.of(
            rule("email", "e-?mails?|e-?mailed|mail(?! (?:[\\p{L}']+ ){0,2}(?:packages?|parcels?|letters?|cards?|cheques?|checks?|forms?|applications?|documents?|boxes|box|gifts?|presents?|ballots?|postcards?)(?![\\p{L}]))(?<!post office.{0,40}mail)|inbox|write back"
                    // "reply to grandma's letter", "respond to the wedding invitation": answered, but not by email
                    + "|(?:reply|respond) to(?! (?:[\\p{L}']+ )?(?:letters?|cards?|texts?|invitations?|invites?|voicemails?|comments?|posts?|reviews?|rsvp)(?![\\p{L}]))"),
            rule("meeting", "meetings?|meet with|meet up|meetup|call with|standup|stand-up|sync|syncs|1:1|one-on-one"
                    + "|huddle|retro|retrospective|zoom|kickoff|kick-off|interview"),
            // A student's group or school project is no work; "Invoice Acme" (billing a client) is.
            rule("work", "(?<!" + STUDENT + " |" + HOME_PROJECT + " )projects?|clients?|(?<!^)reports?|^reports? (?=on |for |due )|(?<!" + STUDENT + " project )meetings?|deadlines?|boss|manager|team|teams|prs?|pull requests?"
                    + "|deploy|deployment|(?<!post |box |doctor's |doctors |doctor |dentist's |dentists |dentist |dr's |vet's |vets )office|presentations?|slides"
                    // a deck is work, unless it is the one outside the house ("stain the deck")
                    + "|(?<!stain |paint |seal |sweep |clean |wash |power wash |repair |fix |build |varnish |oil )deck|colleagues?|coworkers?|quarterly(?! (?:\\S+ )?(?:tax(?:es)?|vat|payments?|bills?|estimates?|instal?lments?))|sprint"
                    + "|jira|production|prod|bugs?|release|proposal|contract|stakeholders?|customers?"
                    + "|standup|stand-up|code|backend|frontend|server|invoice for|performance review|okrs?|roadmap|promotion"
                    + "|job|hr|onboarding|budget review|conference|interview|timesheets?|marketing|(?<!january |black friday |boxing day |cyber monday |summer |winter |clearance )sales|q[1-4]"
                    + "|hotfix|staging|new hire|hiring|payroll|all-hands|offsite|(?<!before |after )work(?! out)|company (?:website|site|laptop|event|offsite|policy|account)"
                    // a software engineer's and a manager's words
                    + "|ci|ci/cd|api|apis|aws|gcp|azure|kubernetes|k8s|docker|repo|repos|repository|pipelines?|database|db|schema"
                    + "|post-?mortems?|outages?|incidents?|on-?call|backlog|(?:feature|git|release|main|master) branch|commits|codebase|endpoints?|microservices?"
                    + "|dependenc(?:y|ies)|unit tests?|integration tests?|flaky (?:\\S+ )?tests?|migrations?|refactor|rollback|devops|infra|infrastructure"
                    + "|dashboards?|metrics|kpis?|headcount|candidates?|offer letters?|perf reviews?|design review|sprint planning|standup notes"
                    + "|^invoice"
                    // a product's words: its website, its login, a crash, a security hole, its docs and services
                    + "|website|web ?site|landing page|log-?in|sign-?up (?:page|flow|form)|checkout (?:page|flow)|(?<!car )crash(?:es|ing)?"
                    + "|vulnerabilit(?:y|ies)|security (?:patch|fix|audit|review|issue|hole)|memory leaks?|auth|authentication|oauth|sso"
                    + "|(?:design|tech|technical|api|onboarding|product) docs?|documentation|specs?|rfcs?|wiki|migrate"
                    + "|(?:auth|payments?|billing|user|search|notification|email|backend) service|(?:mobile|ios|android|web|our) apps?"
                    + "|(?:jira|support|bug|zendesk) tickets?"
                    // the company's paperwork: an NDA, legal, compliance, procurement, a vendor
                    + "|ndas?|(?:to|from|with|for|by) legal|legal (?:team|department|review|sign-?off)|compliance|procurement|vendors?"),
            rule("code-review", "review (?:\\S+ ){0,2}(?:prs?|pull requests?|code|merge requests?|mrs?|diffs?)"
                    + "|code reviews?|pr reviews?"),
            // Picking up people is family, not an errand; buying is an errand unless what is bought is goods (shopping).
            rule("errands", "groceries|grocery|pick(?:ing)? ?up(?! (?:the |my |our )?" + PEOPLE + "(?![\\p{L}]))|pickup|pick-up|drop off|drop-off"
                    + "|store|pharmacy|post office|supermarket|dry clean(?:ing|er|ers)?|(?<!tax )return(?! (?:[\\p{L}']+ )?calls?(?![\\p{L}]))|hardware store"
                    + "|car wash|get gas|fill up|oil change|mail the|ship the|package|parcel|library|stamps|bank run",
                    "buy|bought", "shopping"),
            // Wrapping presents is no shopping (buying wrapping paper is).
            rule("shopping", "shopping|(?<!charity |coffee |thrift |barber |barber's |bike |repair |corner |print |pawn |flower )shop|(?<!in |in right |out of |money |postal |restraining |court |standing )order(?! of)|(?<!return )amazon|(?<!wrap |wrap the |wrapping |wrapping the |wrap up )(?:gifts?|presents?)|wrapping paper|clothes|shoes|trainers|sneakers"
                    + "|jacket|coat|dress|jeans|new phone|charger|headphones"
                    + "|(?:january|black friday|boxing day|cyber monday|summer|winter|clearance) sales?|black friday|cyber monday"
                    // goods that last, when bought, and anything bought "new", are shopping, not an errand
                    + "|(?:buy|order|purchase|get) (?:\\S+ ){0,3}(?:tyres?|tires?|bike|bicycle|sofa|couch|mattress|tv|television|camera|glasses"
                    + "|sunglasses|boots|suitcase|luggage|backpack|toys?|laptop|christmas tree|xmas tree|wreath|ornaments|baubles|costume|christmas lights|fairy lights|decorations"
                    // a card is bought ("get a birthday card for my sister"), but a credit or a library card is no goods
                    + "|(?<!credit |debit |library |bank |loyalty |id |sim |report )cards?)|(?:buy|order|purchase|get) (?:a |an |some )?new"),
            rule("health", "doctor|doctor's|dr|gp|dentist|dentist's|gym|workout|work out|exercise|go for (?:a |an )?(?:\\S+ )?(?:run|jog|swim)|morning run|\\d+ ?k run|(?:half )?marathon|jog|jogging"
                    + "|running(?! (?:shoes|trainers|gear|kit|socks|late|errands|out|low))"
                    + "|yoga|medicine|meds|medication|pills|vitamins|prescription|therapy|therapist|checkup|check-up"
                    + "|physio|physiotherapy|vaccine|vaccination|flu shot|flu jab|jab|booster|hospital|clinic|health|dermatologist"
                    + "|optician|eye exam|eye test|eyes tested|blood test|blood pressure|mri|x-ray|swim|swimming|meditate|meditating|meditation|pilates"),
            // "budget" is money at home, but a work budget is work.
            rule("finance", "pay|paid|bills?|rent|tax|taxes|(?<!^)invoice|invoices|bank|mortgage|insurance|loan"
                    + "|credit card|salary|expenses?|reimbursement|refund|savings|subscription|utilities|direct debit"
                    + "|fees|tuition|(?:make|send) (?:the |a )?payment|bank transfer|wire|transfer (?:the |some )?(?:money|funds|fees|deposit)"
                    + "|credit score|credit report|pension|investments?|401k|council tax|receipts|deposit|cheque",
                    "budget", "work"),
            rule("family", PEOPLE + "|family|in-laws"),
            // A family member's birthday is family; "personal" is for the rest of one's own life: the team's holiday
            // lunch is work, the groceries for a party an errand.
            rule("personal", "",
                    "birthday|anniversary|valentine's|valentines|date night|friends?|party|wedding|vacation|holiday(?! (?:allowance|leave|request|days|entitlement))|hobby|personal",
                    "family", "work", "errands"),
            rule("home", "(?<!dry )clean(?!.*\\b(?:dentist|dental|hygienist|teeth)\\b)(?<!(?:dentist|dental|hygienist|teeth).{0,40}clean)|(?<!dry |teeth |dental )cleaning(?!.*\\b(?:dentist|dental|hygienist|teeth)\\b)(?<!(?:dentist|dental|hygienist|teeth).{0,40}cleaning)|laundry|dishes|dishwasher|vacuum|hoover|sink|plumber|trash|garbage|bins"
                    + "|recycling|garden|gardening|lawn|mow|plants|tidy|declutter|fridge"
                    // a care home is no home of one's own, nor is working from home a chore
                    + "|kitchen|bathroom|bedroom|house|apartment|(?<!way |care |nursing |retirement |from )home|repair|fix (?:\\S+ )?(?:sink|door|tap"
                    + "|faucet|light|roof|fence|shower|toilet|window|heater|boiler)|furniture"
                    // the house's rooms, fittings, appliances and outside, and the chores done on them
                    + "|living room|dining room|hallway|bookshel(?:f|ves)|bookcase|shel(?:f|ves)|closet|wardrobe|cupboards?|curtains|blinds"
                    + "|bed ?sheets|sheets|bedding|duvet|carpets?|rugs?|curtain|washing machine|bin (?:collection|day)|put (?:up|away)|take down|smoke (?:alarm|detector)s?"
                    + "|gutters?|fence|hedges?|driveway|rake (?:\\S+ )?leaves|shovel|(?<!data |security |memory )leak(?:s|ing|y)?|squeaky|creaky|drains?|unclog|descale|defrost"
                    + "|^iron|ironing|^stain|varnish|repaint|(?<!kitchen )renovation|(?:paint|repaint|oil|replace) (?:\\S+ ){0,2}(?:doors?|walls?|ceiling|room)",
                    // cooking is a chore at home, unless it is for someone (family), a friend's party (personal) or the team
                    "cook|cooking", "family", "personal", "work"));

    /** Buying goods: "buy a new vacuum cleaner", "order a sofa for the living room". */
    private static final Pattern BUYING = Pattern.compile("^(?:buy|order|purchase|get)\\b");
    private static final Pattern RETURNING = Pattern.compile("^(?:return|take back|send back|bring back)\\b");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#([\\p{L}][\\p{L}\\p{N}_-]*)");
    private static final Pattern TAG_PHRASE = Pattern.compile(
            "(?:,|\\band)?\\s*\\b(?:and\\s+)?(?:tag(?:ged)?|label(?:led)?)(?:\\s+(?:it|this|that))?(?:\\s+(?:as|with))?"
                    + "\\s*:?\\s+((?:#?[\\p{L}][\\p{L}\\p{N}_-]*)(?:\\s*(?:,|and|&)\\s*#?[\\p{L}][\\p{L}\\p{N}_-]*)*)",
            Pattern.CASE_INSENSITIVE);

    private static Rule rule(String tag, String words) {
        return rule(tag, words, "");
    }

    private static Rule rule(String tag, String words, String weak, String... unless) {
        return new Rule(tag, words(words), weak.isEmpty() ? null : words(weak), Set.of(unless));
    }

    private static Pattern words(String words) {
        return Pattern.compile(words.isEmpty() ? "(?!)" : "(?<![\\p{L}\\p{N}])(?:" + words + ")(?![\\p{L}\\p{N}])");
    }

    private Tags() {
    }

    /** The tags written out in {@code text} ("#work", "tagged work and home"), and the text without them. */
    public static Found explicit(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher phrase = TAG_PHRASE.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (phrase.find()) {
            for (String tag : phrase.group(1).split("\\s*(?:,|\\band\\b|&)\\s*")) {
                tag = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
            phrase.appendReplacement(rest, " ");
        }
        phrase.appendTail(rest);
        Matcher hash = HASHTAG.matcher(rest.toString());
        StringBuilder rest2 = new StringBuilder();
        while (hash.find()) {
            tags.add(hash.group(1).toLowerCase(Locale.ROOT));
            hash.appendReplacement(rest2, " ");
        }
        hash.appendTail(rest2);
        return new Found(new ArrayList<>(tags), rest2.toString().replaceAll("\\s+", " ").strip());
    }

    /** The tags the vocabulary infers from a task title, in vocabulary order. */
    public static List<String> infer(String title) {
        return infer(title, List.of());
    }

    /**
     * The tags inferred from {@code title} when the user named {@code given} tags: those count as strong, so a weak
     * word gives way to them ("Plan Mia's birthday party", tagged family, is not personal as well).
     */
    public static List<String> infer(String title, List<String> given) {
        String lower = title.toLowerCase(Locale.ROOT);
        Set<String> strong = new LinkedHashSet<>(given);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(lower).find()) {
                strong.add(rule.tag());
            }
        }
        if (RETURNING.matcher(lower).find() && !given.contains("shopping")) {
            strong.remove("shopping"); // "Return the jacket to Zara": returning goods is an errand, not shopping
        }
        if (BUYING.matcher(lower).find() && strong.contains("shopping") && !given.contains("home")) {
            strong.remove("home"); // "Buy a new vacuum cleaner": household goods, when bought, are shopping
        }
        List<String> tags = new ArrayList<>();
        for (Rule rule : RULES) {
            if (strong.contains(rule.tag()) || rule.weak() != null && rule.weak().matcher(lower).find()
                    && rule.unless().stream().noneMatch(u -> strong.contains(u) || tags.contains(u))) {
                tags.add(rule.tag());
            }
        }
        return tags;
    }

    /** The tag vocabulary, for help texts and list filters ("show my work tasks"). */
    public static List<String> vocabulary() {
        return RULES.stream().map(Rule::tag).toList();
    }
}

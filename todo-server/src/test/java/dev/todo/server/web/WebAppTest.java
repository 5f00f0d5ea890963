package dev.todo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.ApiTest;

/** The server serves the web app (module web/) beside the API, on one origin. */
@ApiTest
class WebAppTest {

    private final Api api;

    WebAppTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void pagesAreServedWithoutSigningIn() {
        for (String page : new String[] {"/", "/login", "/register", "/today", "/upcoming", "/all", "/completed"}) {
            Response response = api.get(page, null);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(page).startsWith("text/html");
            assertThat(response.text()).as(page).contains("<html");
        }
    }

    /** Browsers and the app's router ask with HEAD too; a 401 there is an error in every visitor's console. */
    @Test
    void pagesAnswerHeadAsTheyAnswerGet() {
        for (String page : new String[] {"/today", "/chat", "/settings", "/login"}) {
            Response response = api.send("HEAD", page, null, null, Map.of());
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(page).startsWith("text/html");
        }
        assertThat(api.send("HEAD", "/api/v1/tasks", null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aPageWithoutExtensionIsItsHtmlFile() {
        assertThat(api.get("/today", null).text()).isEqualTo(api.get("/today.html", null).text());
    }

    @Test
    void theApiStillNeedsATokenAndOtherPathsAreNotOpened() {
        assertThat(api.get("/api/v1/tasks", null).status()).isEqualTo(401);
        assertThat(api.get("/secret-page", null).status()).isEqualTo(401);
        assertThat(api.send("POST", "/today", Map.of(), null, Map.of()).status()).isEqualTo(401);
        assertThat(api.send("HEAD", "/secret-page", null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void pagesAreCompressed() {
        Response page = api.send("GET", "/login", null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
    }

    private static final String[] PAGES = {"/", "/login", "/register", "/forgot-password", "/reset-password",
        "/verify-email", "/today", "/upcoming", "/all", "/completed", "/chat", "/settings"};

    @Test
    void everyPageHasAStrictPolicyWhoseHashesAreItsInlineScripts() throws Exception {
        for (String page : PAGES) {
            Response response = api.get(page, null);
            String policy = response.header("Content-Security-Policy");
            assertThat(policy).as(page).isNotNull()
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                            "frame-ancestors 'none'", "connect-src 'self'");
            List<String> inline = inlineScriptHashes(response.text());
            assertThat(inline).as(page + ": the export puts inline scripts in every page").isNotEmpty();
            assertThat(directive(policy, "script-src")).as(page)
                    .startsWith("'self'").containsExactlyInAnyOrderElementsOf(concat("'self'", inline));
        }
    }

    @Test
    void aPageHasThePolicyOfItsFileInTheBuiltCspJson() throws Exception {
        JsonNode pages;
        try (InputStream in = new ClassPathResource(PageSecurityPolicy.POLICIES).getInputStream()) {
            pages = Api.JSON.readTree(in).get("pages");
        }
        assertThat(api.get("/", null).header("Content-Security-Policy")).isEqualTo(pages.get("index.html").stringValue());
        assertThat(api.get("/login", null).header("Content-Security-Policy")).isEqualTo(pages.get("login.html").stringValue());
        assertThat(api.get("/login.html", null).header("Content-Security-Policy")).isEqualTo(pages.get("login.html").stringValue());
        assertThat(api.get("/today", null).header("Content-Security-Policy")).isEqualTo(pages.get("today.html").stringValue());
        assertThat(pages.get("login.html").stringValue()).isNotEqualTo(pages.get("today.html").stringValue());
        Response head = api.send("HEAD", "/chat", null, null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Security-Policy")).isEqualTo(pages.get("chat.html").stringValue());
    }

    @Test
    void theApiAndThePagesAssetsHaveNoPagePolicy() {
        Matcher script = Pattern.compile("<script src=\"(/_next/static/[^\"]+\\.js)\"").matcher(api.get("/login", null).text());
        assertThat(script.find()).isTrue();
        Response asset = api.get(script.group(1), null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Security-Policy")).isNull();
        assertThat(api.get("/api/v1/openapi.json", null).header("Content-Security-Policy")).isNull();
        assertThat(api.get("/api/v1/tasks", null).header("Content-Security-Policy")).isNull();
    }

    @Test
    void pageFilesAreFoundAsTheResourcesAreServed() {
        assertThat(PageSecurityPolicy.pageFile("/")).isEqualTo("index.html");
        assertThat(PageSecurityPolicy.pageFile("/login")).isEqualTo("login.html");
        assertThat(PageSecurityPolicy.pageFile("/login.html")).isEqualTo("login.html");
        assertThat(PageSecurityPolicy.pageFile("/_next/static/chunks/a.js")).isEqualTo("_next/static/chunks/a.js");
    }

    /** 'sha256-…' of every script element without src, as a browser hashes it. */
    private static List<String> inlineScriptHashes(String html) throws Exception {
        Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
        List<String> hashes = new ArrayList<>();
        while (scripts.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scripts.group(1).getBytes(StandardCharsets.UTF_8));
            String hash = "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
            if (!hashes.contains(hash)) {
                hashes.add(hash);
            }
        }
        return hashes;
    }

    private static List<String> directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::strip).map(part -> List.of(part.split("\\s+")))
                .filter(parts -> parts.getFirst().equals(name)).findFirst().map(parts -> parts.subList(1, parts.size()))
                .orElse(List.of());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}

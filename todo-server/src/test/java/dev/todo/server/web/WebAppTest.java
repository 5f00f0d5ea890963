package dev.todo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
    }

    @Test
    void pagesAreCompressed() {
        Response page = api.send("GET", "/login", null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
    }
}

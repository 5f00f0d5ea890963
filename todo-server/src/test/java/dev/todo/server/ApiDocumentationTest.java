package dev.todo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api.Response;

@ApiTest
class ApiDocumentationTest {

    private final Api api;
    private final int port;

    ApiDocumentationTest(@LocalServerPort int port) {
        this.api = new Api(port);
        this.port = port;
    }

    @Test
    void theOpenApiDocumentDescribesTheVersionedApi() {
        Response response = api.get("/api/v1/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").stringValue()).startsWith("3.");
        assertThat(document.get("paths").propertyNames())
                .contains("/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/move", "/api/v1/tasks/import",
                        "/api/v1/tasks/{id}/history", "/api/v1/events",
                        "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh")
                .noneMatch(path -> path.startsWith("/api/tasks"));
        assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").stringValue())
                .isEqualTo("bearer");
        assertThat(document.get("components").get("schemas").get("TaskWrite").get("properties").propertyNames())
                .containsExactlyInAnyOrder("title", "description", "status", "priority", "dueDate", "tags",
                        "dueTime", "reminderMinutesBefore", "recurrence", "recurFrom");
        assertThat(document.get("paths").get("/api/v1/tasks/import").get("post").get("requestBody").get("content")
                .get("application/json").get("schema").get("type").stringValue()).isEqualTo("array");
    }

    @Test
    void theBrowsablePageIsServed() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}

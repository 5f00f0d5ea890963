package dev.todo.server.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.todo.server.account.ApiTokens.ApiToken;
import dev.todo.server.account.ApiTokens.Created;
import dev.todo.server.security.UserId;

/** Personal API tokens for MCP clients: list, create (the secret is in this one answer only), revoke. */
@RestController
@RequestMapping({"/api/v1/tokens", "/api/tokens"})
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name) {
    }

    @GetMapping
    Map<String, List<ApiToken>> list(UserId user) {
        return Map.of("tokens", tokens.list(user));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(UserId user, @RequestBody NewToken request) {
        return tokens.create(user, request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(UserId user, @PathVariable UUID id) {
        if (!tokens.revoke(user, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Token not found");
        }
    }
}

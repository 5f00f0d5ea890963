package dev.todo.server.account;

import java.util.UUID;

/** A user moved to another time zone; published in the transaction of the change. */
public record TimeZoneChanged(UUID userId, String timeZone) {
}

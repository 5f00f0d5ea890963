package dev.todo.core.assistant;

/** Who wrote a message of a conversation with the assistant. */
public enum Role {
    USER, ASSISTANT
}

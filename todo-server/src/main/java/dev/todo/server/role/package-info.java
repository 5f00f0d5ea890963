/** Which part of the server one process serves ({@code TODO_ROLE}: api or assistant). */
package dev.todo.server.role;

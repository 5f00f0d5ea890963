package dev.todo.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("Welcome to Todo!");
    }
}

package dev.opsbot.core.tool;

/** How much harm a tool can do. Only {@link #READ} runs without an approved proposal. */
public enum Risk {
    READ,
    WRITE,
    DESTRUCTIVE
}

/**
 * The web console: a chat platform served by opsbot itself, for the demo and for teams without Slack or Teams at
 * hand. {@link dev.opsbot.app.console.ConsoleService} is the platform (users, channels, threads, reactions),
 * {@link dev.opsbot.app.console.ConsoleChatPort} is opsbot's voice on it, {@link dev.opsbot.app.console.ConsoleApi}
 * is the HTTP contract of ARCHITECTURE.md, and {@link dev.opsbot.app.console.ConsoleHub} streams changes to open
 * pages. It has no authentication: it binds to loopback unless told otherwise with a token.
 */
package dev.opsbot.app.console;

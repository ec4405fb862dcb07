/**
 * The {@code opsbot} command line (picocli). Exit codes are a contract: 0 ok, 1 the operation failed (message on
 * stderr), 2 bad usage.
 */
package dev.opsbot.app.cli;

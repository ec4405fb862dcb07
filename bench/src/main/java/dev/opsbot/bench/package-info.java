/**
 * Load and start-up drivers, each a {@code main}: {@link dev.opsbot.bench.ConsoleLoad} (console API under an
 * open-loop load, then nothing lost or doubled), {@link dev.opsbot.bench.DemoStartup} ({@code ./opsbot demo} to
 * ready) and {@link dev.opsbot.bench.DemoMemory} (idle RSS and graceful stop). None runs in the normal build; see
 * bench/README.md.
 */
package dev.opsbot.bench;

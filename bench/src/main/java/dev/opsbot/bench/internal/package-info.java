/** What the drivers share: argument parsing, the demo process, readiness polls, HTTP to the console, statistics. */
package dev.opsbot.bench.internal;

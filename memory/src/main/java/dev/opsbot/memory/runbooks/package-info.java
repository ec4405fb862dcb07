/**
 * The team's runbooks: markdown from a configured folder, cut at its headings into passages
 * ({@link dev.opsbot.memory.runbooks.internal.RunbookChunker}), redacted, and searched with team memory's ranking
 * ({@link dev.opsbot.memory.runbooks.RunbookLibrary}); answers cite a passage as {@code file › heading}.
 */
package dev.opsbot.memory.runbooks;

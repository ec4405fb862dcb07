/** Reading a runbook folder, and cutting markdown into passages at headings, code fences and paragraphs. */
package dev.opsbot.memory.runbooks.internal;

/** Triage in chat: the answer, the progress line, the operation wording, and the chart port. */
package dev.opsbot.core.triage.answer;

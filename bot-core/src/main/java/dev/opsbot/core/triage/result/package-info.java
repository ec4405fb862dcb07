/** The triage result, shaped as the triage JSON contract; {@link dev.opsbot.core.triage.result.TriageJson} writes it. */
package dev.opsbot.core.triage.result;

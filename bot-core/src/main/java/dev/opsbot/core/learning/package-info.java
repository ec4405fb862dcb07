/**
 * How opsbot learns from threads and uses what it learned: a resolved thread's verdict becomes a proposed memory
 * ({@link dev.opsbot.core.learning.ThreadLearning}); later investigations recall memories and runbook sections, cite
 * them, and let a remembered cause for the same service raise that hypothesis's confidence
 * ({@link dev.opsbot.core.learning.TeamKnowledge}).
 */
package dev.opsbot.core.learning;

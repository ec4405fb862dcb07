/**
 * Triage's rules: each turns evidence into candidate causes with a culprit, evidence and a fix;
 * {@link dev.opsbot.core.triage.rules.Ranking} weighs them against the symptom's onset.
 */
package dev.opsbot.core.triage.rules;

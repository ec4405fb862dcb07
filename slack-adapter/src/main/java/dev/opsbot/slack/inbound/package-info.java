/**
 * Slack in: the Bolt app ({@link dev.opsbot.slack.inbound.SlackEvents}) that turns Slack payloads into bot-core
 * {@link dev.opsbot.core.chat.ChatEvent}s, and its two transports, the HTTP Events API
 * ({@link dev.opsbot.slack.inbound.SlackHttpEndpoint}, framework-neutral) and Socket Mode
 * ({@link dev.opsbot.slack.inbound.SlackSocketMode}). Events are handed to the dispatcher before the ack and deduped
 * there by {@code event_id}; {@link dev.opsbot.slack.inbound.UserDirectory} and
 * {@link dev.opsbot.slack.inbound.ThreadLookup} are the ports the rest of opsbot fills in.
 */
package dev.opsbot.slack.inbound;

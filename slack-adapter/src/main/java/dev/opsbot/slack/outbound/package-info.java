/**
 * opsbot speaking on Slack: {@link dev.opsbot.slack.outbound.BlockKitRenderer} turns a platform-neutral
 * {@code Reply} into Block Kit within Slack's limits, {@link dev.opsbot.slack.outbound.SlackChatPort} posts,
 * updates, reacts and uploads charts through the Web API, and {@link dev.opsbot.slack.outbound.SlackUsers} looks
 * people up for identity mapping.
 *
 * <p>Every Web API call goes through {@link dev.opsbot.slack.outbound.SlackWebApi}, which waits out HTTP 429 as
 * Slack's {@code Retry-After} asks and turns every other failure into a {@code ChatDeliveryException} that names
 * Slack's error code (never the token).
 */
package dev.opsbot.slack.outbound;

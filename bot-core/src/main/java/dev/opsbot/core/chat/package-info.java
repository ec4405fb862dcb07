/**
 * The platform-neutral chat model: who said what where ({@link dev.opsbot.core.chat.ChatEvent}), and how
 * opsbot answers ({@link dev.opsbot.core.chat.ChatPort}, {@link dev.opsbot.core.chat.Reply}). Slack, Teams and
 * the web console translate to and from these types at their edge; nothing here knows a vendor.
 */
package dev.opsbot.core.chat;

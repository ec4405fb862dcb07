/**
 * From a chat event to an answer: the {@link dev.opsbot.core.conversation.Dispatcher} records each platform event
 * durably (exactly once across replicas), recognises the person's intent and hands it to that intent's handler,
 * which answers through a {@link dev.opsbot.core.conversation.Responder}.
 */
package dev.opsbot.core.conversation;

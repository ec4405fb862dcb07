package dev.opsbot.teams;

import dev.opsbot.core.chat.ThreadRef;

/**
 * How a Teams conversation maps to opsbot's threads. In a channel, Teams names a reply chain by the conversation id
 * with the root message's id after {@code ;messageid=} ({@code 19:abc@thread.tacv2;messageid=1700000000000}):
 * opsbot's channel is the part before, its thread the root message id. A personal or group chat has no reply chains:
 * the whole chat is one thread, named by the conversation id.
 */
public final class TeamsThreads {
    private static final String MESSAGE_ID = ";messageid=";

    private TeamsThreads() {}

    /**
     * The thread of an activity in {@code conversationId}; {@code activityId} is the root when the conversation id
     * names none (a new post in a channel).
     */
    public static ThreadRef of(String conversationId, String activityId, boolean isChannel) {
        int at = conversationId.indexOf(MESSAGE_ID);
        if (at >= 0) {
            return new ThreadRef(
                    TeamsSettings.PLATFORM,
                    conversationId.substring(0, at),
                    conversationId.substring(at + MESSAGE_ID.length()));
        }
        if (isChannel && activityId != null && !activityId.isBlank()) {
            return new ThreadRef(TeamsSettings.PLATFORM, conversationId, activityId);
        }
        return new ThreadRef(TeamsSettings.PLATFORM, conversationId, conversationId);
    }

    /** The conversation id to post into so that the message lands in {@code thread}. */
    public static String conversationId(ThreadRef thread) {
        return thread.thread().equals(thread.channel())
                ? thread.channel()
                : thread.channel() + MESSAGE_ID + thread.thread();
    }

    /** The channel part of a conversation id: where a channel's address is kept. */
    public static String channelOf(String conversationId) {
        int at = conversationId.indexOf(MESSAGE_ID);
        return at >= 0 ? conversationId.substring(0, at) : conversationId;
    }
}

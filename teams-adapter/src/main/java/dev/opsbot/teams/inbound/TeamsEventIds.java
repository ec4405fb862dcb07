package dev.opsbot.teams.inbound;

import dev.opsbot.teams.TeamsThreads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The dispatcher's dedupe key for an activity. A Teams activity id is unique only within its conversation, so the key
 * is {@code <channel>/<activity id>[/<suffix>]}; one that would not fit the ledger's 255 characters names the channel
 * by the first 16 hex characters of its SHA-256 instead.
 */
final class TeamsEventIds {
    static final int MAX_LENGTH = 255;

    private TeamsEventIds() {}

    static String of(String conversationId, String activityId, String suffix) {
        String tail = "/" + activityId + (suffix == null ? "" : "/" + suffix);
        String channel = TeamsThreads.channelOf(conversationId);
        if (channel.length() + tail.length() <= MAX_LENGTH) {
            return channel + tail;
        }
        String id = sha256(channel) + tail;
        // an activity id no real connector sends: keep the key unique and within bounds all the same
        return id.length() <= MAX_LENGTH ? id : sha256(id);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

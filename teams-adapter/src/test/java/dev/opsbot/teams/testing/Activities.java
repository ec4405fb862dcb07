package dev.opsbot.teams.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Activities as Teams sends them to a bot (shapes from Microsoft's Teams bot documentation), as JSON for an endpoint
 * test or a load driver. By default Alice posts in {@link #CHANNEL_ID} of a team, through {@link #SERVICE_URL}:
 *
 * <pre>{@code
 * Activities.message("1700000000001", "why is checkout 5xx?").mentioningBot().json();   // a new post to opsbot
 * Activities.message("1700000000002", "it started at 14:02").inThread("1700000000001").json();
 * Activities.reaction("f:1", "1700000000003").added("like").inThread("1700000000001").json();
 * Activities.cardVote("1700000000004", "1700000000003", "white_check_mark", "prop-1").inThread("1700000000001").json();
 * Activities.message("1700000000005", "hi").personal().json();
 * Activities.of("conversationUpdate", "f:2").json();
 * }</pre>
 */
public final class Activities {
    public static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
    public static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String TEAM_ID = "19:b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6@thread.tacv2";
    public static final String CHANNEL_ID = "19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2";
    public static final String PERSONAL_CHAT_ID =
            "a:1Hb2U3ySqxKhO7zNA0xR9XjyG3wMBkV5bI5Wqz2-0yGZJmd0TmrvOzQGxQfBv0cA9XnXk4Hq3_rCqMp5yVbm0F";
    public static final String GROUP_CHAT_ID = "19:c0ffee00d15ea5e5b0bba7e5c0ffee00@thread.v2";
    public static final String BOT_NAME = "opsbot";
    public static final String ALICE_ID =
            "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GM";
    public static final String ALICE_NAME = "Alice Example";
    public static final String ALICE_AAD_ID = "6b3c5b4e-2f0d-4c1a-9e8b-7a6f5e4d3c2b";
    /** When every activity happened unless {@link Builder#at} says otherwise. */
    public static final Instant AT = Instant.parse("2024-03-01T09:30:00.123Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Activities() {}

    /** Alice's new post in the channel (its own thread's root), {@code text} as typed. */
    public static Builder message(String id, String text) {
        Builder message = of("message", id);
        message.activity.put("text", text).put("textFormat", "plain");
        return message;
    }

    /** Alice's reaction on message {@code replyToId}; add the reactions with {@link Builder#added}/{@link Builder#removed}. */
    public static Builder reaction(String id, String replyToId) {
        Builder reaction = of("messageReaction", id);
        reaction.activity.put("replyToId", replyToId);
        return reaction.channel(replyToId); // a root post's thread until inThread says otherwise
    }

    /** Alice pressing a proposal card's button: Action.Submit data as the message's value, replying to the card. */
    public static Builder cardVote(String id, String cardMessageId, String reaction, String proposalId) {
        Builder vote = of("message", id);
        vote.activity.put("replyToId", cardMessageId);
        vote.channel(cardMessageId);
        vote.activity
                .putObject("value")
                .put("opsbot", "vote")
                .put("reaction", reaction)
                .put("proposal", proposalId);
        return vote;
    }

    /** Any activity type ({@code conversationUpdate}, {@code typing}, {@code invoke}, ...) in the channel. */
    public static Builder of(String type, String id) {
        return new Builder(type, id);
    }

    /** One activity, changed step by step; {@link #json()} at the end. */
    public static final class Builder {
        private final ObjectNode activity = JSON.createObjectNode();

        private Builder(String type, String id) {
            activity.put("type", type).put("id", id).put("timestamp", AT.toString());
            activity.put("localTimestamp", AT.toString().replace("Z", "+00:00"));
            activity.put("channelId", "msteams").put("serviceUrl", SERVICE_URL);
            from(ALICE_ID, ALICE_NAME, ALICE_AAD_ID);
            activity.putObject("recipient").put("id", TestBotConnector.BOT_ID).put("name", BOT_NAME);
            channel(null);
            activity.putArray("entities")
                    .addObject()
                    .put("type", "clientInfo")
                    .put("locale", "en-GB")
                    .put("country", "GB")
                    .put("platform", "Web")
                    .put("timezone", "Europe/London");
            activity.put("locale", "en-GB");
        }

        /** In the channel thread whose root message is {@code rootId}. */
        public Builder inThread(String rootId) {
            return channel(rootId);
        }

        /** In Alice's personal (1:1) chat with opsbot. */
        public Builder personal() {
            activity.putObject("conversation")
                    .put("conversationType", "personal")
                    .put("tenantId", TENANT_ID)
                    .put("id", PERSONAL_CHAT_ID);
            activity.putObject("channelData").putObject("tenant").put("id", TENANT_ID);
            return this;
        }

        /** In a group chat opsbot was added to. */
        public Builder groupChat() {
            activity.putObject("conversation")
                    .put("isGroup", true)
                    .put("conversationType", "groupChat")
                    .put("tenantId", TENANT_ID)
                    .put("id", GROUP_CHAT_ID);
            activity.putObject("channelData").putObject("tenant").put("id", TENANT_ID);
            return this;
        }

        public Builder from(String id, String name, String aadObjectId) {
            activity.putObject("from").put("id", id).put("name", name).put("aadObjectId", aadObjectId);
            return this;
        }

        public Builder serviceUrl(String serviceUrl) {
            activity.put("serviceUrl", serviceUrl);
            return this;
        }

        public Builder at(Instant at) {
            activity.put("timestamp", at.toString());
            return this;
        }

        /** Replaces the text as Teams would send it, HTML and {@code <at>} tags included. */
        public Builder text(String text) {
            activity.put("text", text);
            return this;
        }

        /** Mentions opsbot the way Teams does: {@code <at>opsbot</at>} before the text, and a mention entity. */
        public Builder mentioningBot() {
            activity.put(
                    "text", "<at>" + BOT_NAME + "</at> " + activity.path("text").asText(""));
            return mention(TestBotConnector.BOT_ID, BOT_NAME);
        }

        /** A mention entity for {@code <at>name</at>} (the text must hold it: see {@link #text}). */
        public Builder mention(String id, String name) {
            ObjectNode mention = ((ArrayNode) activity.get("entities")).addObject();
            mention.putObject("mentioned").put("id", id).put("name", name);
            mention.put("text", "<at>" + name + "</at>").put("type", "mention");
            return this;
        }

        public Builder added(String... reactionTypes) {
            return reactions("reactionsAdded", reactionTypes);
        }

        public Builder removed(String... reactionTypes) {
            return reactions("reactionsRemoved", reactionTypes);
        }

        /** Drops a top-level field ({@code conversation}, {@code from}, ...), for the endpoint's 400s. */
        public Builder without(String field) {
            activity.remove(field);
            return this;
        }

        /** The activity as a tree, for changes no method offers. */
        public ObjectNode tree() {
            return activity;
        }

        public String json() {
            return activity.toString();
        }

        @Override
        public String toString() {
            return json();
        }

        private Builder reactions(String field, String... types) {
            ArrayNode list = activity.putArray(field);
            for (String type : types) {
                list.addObject().put("type", type);
            }
            return this;
        }

        private Builder channel(String root) {
            activity.putObject("conversation")
                    .put("isGroup", true)
                    .put("conversationType", "channel")
                    .put("tenantId", TENANT_ID)
                    .put(
                            "id",
                            CHANNEL_ID + ";messageid="
                                    + (root == null ? activity.path("id").asText() : root));
            ObjectNode data = activity.putObject("channelData");
            data.put("teamsChannelId", CHANNEL_ID).put("teamsTeamId", TEAM_ID);
            data.putObject("channel").put("id", CHANNEL_ID);
            data.putObject("team").put("id", TEAM_ID);
            data.putObject("tenant").put("id", TENANT_ID);
            return this;
        }
    }
}

package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How to reach a Teams conversation without an inbound activity to answer: what inbound keeps under {@code
 * conversation:<channel>} (see {@link TeamsAddresses}) whenever it sees an activity there.
 *
 * @param serviceUrl the Bot Connector endpoint of the conversation's region (Teams names it in every activity)
 * @param conversationId the conversation id as Teams sent it (may name a reply chain)
 * @param tenantId the conversation's tenant
 * @param botId opsbot's own id in Teams ({@code 28:<app id>})
 * @param conversationType {@code channel}, {@code groupChat} or {@code personal}
 * @param teamsChannelId the channel's id in a team ({@code 19:…@thread.tacv2}), null outside channels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"serviceUrl", "conversationId", "tenantId", "botId", "conversationType", "teamsChannelId"})
public record ConversationAddress(
        String serviceUrl,
        String conversationId,
        String tenantId,
        String botId,
        String conversationType,
        String teamsChannelId) {
    public static final String CHANNEL = "channel";
    public static final String PERSONAL = "personal";

    public ConversationAddress {
        serviceUrl = TeamsAddresses.requireServiceUrl(serviceUrl);
        TeamsAddresses.requireText(conversationId, "conversationId");
    }

    @JsonIgnore // derived from conversationType: not part of the stored address
    public boolean isChannel() {
        return CHANNEL.equals(conversationType);
    }
}

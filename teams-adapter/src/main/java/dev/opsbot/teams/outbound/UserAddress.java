package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a Teams user was last seen: what inbound keeps under {@code user:<id>}, and the roster under {@code
 * email:<e-mail>} once it knows the person's e-mail (see {@link TeamsAddresses}).
 *
 * @param serviceUrl the Bot Connector endpoint of the conversation they wrote in
 * @param conversationId that conversation, whose roster names them
 * @param tenantId their tenant
 * @param userId their Teams id ({@code 29:…}), the one a conversation's {@code members} name
 * @param aadObjectId their Entra ID object id
 * @param name their display name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"serviceUrl", "conversationId", "tenantId", "userId", "aadObjectId", "name"})
public record UserAddress(
        String serviceUrl, String conversationId, String tenantId, String userId, String aadObjectId, String name) {
    public UserAddress {
        serviceUrl = TeamsAddresses.requireServiceUrl(serviceUrl);
        TeamsAddresses.requireText(conversationId, "conversationId");
        TeamsAddresses.requireText(userId, "userId");
    }
}

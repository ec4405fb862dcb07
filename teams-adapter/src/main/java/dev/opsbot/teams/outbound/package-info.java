/**
 * How opsbot speaks on Teams: replies become Bot Connector REST v3 calls ({@link
 * dev.opsbot.teams.outbound.TeamsChatPort}) carrying Adaptive Cards ({@link
 * dev.opsbot.teams.outbound.AdaptiveCardRenderer}), sent with opsbot's own client-credentials token ({@link
 * dev.opsbot.teams.outbound.ConnectorTokens}); who a Teams user is comes from the conversation roster ({@link
 * dev.opsbot.teams.outbound.TeamsRoster}). Where to send is read from the addresses inbound keeps ({@link
 * dev.opsbot.teams.outbound.TeamsAddresses}).
 */
package dev.opsbot.teams.outbound;

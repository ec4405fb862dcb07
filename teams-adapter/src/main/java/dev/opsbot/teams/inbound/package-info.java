/**
 * Teams activities in: {@link dev.opsbot.teams.inbound.TeamsEndpoint} checks the Bot Connector's token, reads the
 * activity, remembers where it came from ({@link dev.opsbot.teams.inbound.TeamsAddressBook}) and hands the chat
 * events {@link dev.opsbot.teams.inbound.TeamsActivityTranslator} finds in it to the dispatcher.
 */
package dev.opsbot.teams.inbound;

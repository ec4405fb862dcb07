/**
 * Who may talk to opsbot's {@code /api/messages}: the Bot Connector's JWTs, checked against the signing keys its OpenID
 * metadata announces ({@link dev.opsbot.teams.auth.BotConnectorKeys}) by {@link
 * dev.opsbot.teams.auth.BotConnectorTokens}.
 *
 * <p>Not the SDK's {@code JwtTokenValidation}: its metadata URL is a process-wide static, its key cache is dropped
 * before every refetch (a metadata outage at the daily refresh then refuses every request), refetches on an unknown
 * key at most once an hour and reads URLs without timeouts. The rules are the same (RS256, issuer, audience = app id,
 * five minutes of clock skew, endorsed channel, the {@code serviceurl} claim equal to the activity's).
 */
package dev.opsbot.teams.auth;

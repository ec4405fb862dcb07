/** Microsoft Teams wired from {@code teams:}: the Bot Connector port, the roster, and {@code POST /api/messages}. */
package dev.opsbot.app.teams;

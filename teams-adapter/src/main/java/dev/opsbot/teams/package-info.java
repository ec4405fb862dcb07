/** Microsoft Teams through the Bot Framework: a thin adapter between Teams activities and opsbot's chat model. */
package dev.opsbot.teams;

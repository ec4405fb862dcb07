/** Evidence tools, one package per source. Each talks to its source as the acting person, never as a super-user. */
package dev.opsbot.tools;

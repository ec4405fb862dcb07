/** The identity module wired from configuration: who opsbot acts as, for {@code serve} and {@code demo} alike. */
package dev.opsbot.app.identity;

/**
 * The state of the web console, the chat platform opsbot serves itself: its messages, reactions and attached
 * images. The console adapter in {@code app} speaks the console HTTP API over this port; the database module
 * stores it.
 */
package dev.opsbot.core.console;

/** Who opsbot acts as: the person behind a chat message. Resolution and credentials arrive with the identity module. */
package dev.opsbot.core.identity;

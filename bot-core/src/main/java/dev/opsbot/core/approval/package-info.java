/**
 * Proposals and their approval: a write opsbot offers, persisted and shown in the thread; votes by reaction or button
 * from people resolved through identity; rules on who may approve what; and the exactly-once walk from PROPOSED to
 * DONE that ends in an action run with a just-in-time write session and verified.
 */
package dev.opsbot.core.approval;

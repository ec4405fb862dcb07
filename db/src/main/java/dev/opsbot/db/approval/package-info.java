/**
 * The proposal store ({@link dev.opsbot.core.approval.ProposalStore}) in jOOQ: proposals and their votes, shared by
 * replicas. Every change of a proposal's state is a single conditional {@code UPDATE ... WHERE id = ? AND state = ?},
 * so the database alone decides which of several racing replicas moves it: that is what runs an approved action
 * exactly once.
 */
package dev.opsbot.db.approval;

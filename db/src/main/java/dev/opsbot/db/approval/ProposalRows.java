package dev.opsbot.db.approval;

import static dev.opsbot.db.generated.Tables.PROPOSAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.generated.tables.records.ProposalRecord;
import org.jooq.DSLContext;

/**
 * A {@link Proposal} as a row of {@code proposal} and back. The action is kept whole as JSON; its words and risk are
 * copied beside it for people reading the table. Parameters come back as JSON reads them (whole numbers as
 * {@code Integer} or {@code Long}, objects as maps, arrays as lists).
 */
final class ProposalRows {
    // a newer opsbot may add fields to the action: this version still reads the ones it knows
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProposalRows() {}

    static ProposalRecord toRecord(DSLContext dsl, Proposal proposal) {
        ProposalRecord row = dsl.newRecord(PROPOSAL);
        row.setId(proposal.id());
        row.setPlatform(proposal.thread().platform());
        row.setChannel(proposal.thread().channel());
        row.setThreadId(proposal.thread().thread());
        row.setMessageId(proposal.messageId());
        row.setAction(write(proposal));
        row.setOperation(proposal.action().operation());
        row.setRisk(proposal.action().risk().name());
        row.setEnvironment(proposal.environment());
        row.setRequesterEmail(proposal.requesterEmail());
        row.setRequesterChatId(proposal.requesterChatId());
        row.setSource(proposal.source());
        row.setCreatedAt(proposal.createdAt());
        row.setExpiresAt(proposal.expiresAt());
        row.setApprovalsRequired(proposal.approvalsRequired());
        row.setState(proposal.state().name());
        row.setOwner(proposal.owner());
        row.setOutcome(proposal.outcome());
        row.setUpdatedAt(proposal.createdAt());
        return row;
    }

    /** A row this version cannot read (another opsbot version wrote it) fails naming the proposal. */
    static Proposal toProposal(ProposalRecord row) {
        try {
            return new Proposal(
                    row.getId(),
                    new ThreadRef(row.getPlatform(), row.getChannel(), row.getThreadId()),
                    row.getMessageId(),
                    JSON.readValue(row.getAction(), ProposedAction.class),
                    row.getEnvironment(),
                    row.getRequesterEmail(),
                    row.getRequesterChatId(),
                    row.getSource(),
                    row.getCreatedAt(),
                    row.getExpiresAt(),
                    row.getApprovalsRequired(),
                    ProposalState.valueOf(row.getState()),
                    row.getOwner(),
                    row.getOutcome());
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException unreadable) {
            String reason = unreadable instanceof JsonProcessingException json
                    ? json.getOriginalMessage()
                    : unreadable.getMessage();
            throw new DatabaseException(
                    "proposal " + row.getId() + " does not read as this version's Proposal: " + reason,
                    false,
                    unreadable);
        }
    }

    private static String write(Proposal proposal) {
        try {
            return JSON.writeValueAsString(proposal.action());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the action of proposal " + proposal.id() + " cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}

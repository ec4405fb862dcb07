package dev.opsbot.teams.outbound;

import static dev.opsbot.teams.outbound.CardElements.bold;
import static dev.opsbot.teams.outbound.CardElements.monospace;
import static dev.opsbot.teams.outbound.CardElements.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.chat.Block;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal in a card: the exact operation in monospace (what people approve is what runs), its terms, and the
 * Approve/Reject buttons whose data names the reaction each stands for and the proposal.
 */
final class ProposalCard {
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ProposalCard() {}

    static ObjectNode render(Block.Proposal proposal, CardBudget budget) {
        List<ObjectNode> items = new ArrayList<>();
        items.add(bold("Proposed"));
        // monospace is still Markdown in a TextBlock, and the operation may come from the model
        items.add(CardElements.tight(monospace(budget.fit(MarkdownEscape.card(proposal.operation())))));
        List<Block.Field> terms = new ArrayList<>();
        addIfPresent(terms, "Environment", proposal.environment());
        addIfPresent(terms, "Risk", proposal.risk());
        addIfPresent(terms, "Requested by", proposal.requester());
        if (proposal.expiresAt() != null) {
            terms.add(new Block.Field("Expires", EXPIRY.format(proposal.expiresAt())));
        }
        if (!terms.isEmpty()) {
            items.add(CardElements.facts(terms));
        }
        List<ObjectNode> buttons = new ArrayList<>();
        if (present(proposal.approveReaction())) {
            buttons.add(submit("Approve", "positive", vote(proposal.approveReaction(), proposal.proposalId())));
        }
        if (present(proposal.rejectReaction())) {
            buttons.add(submit("Reject", "destructive", vote(proposal.rejectReaction(), proposal.proposalId())));
        }
        if (!buttons.isEmpty()) {
            items.add(CardElements.actions(buttons));
        }
        return CardElements.container("emphasis", items);
    }

    /** What a click sends back; inbound reads exactly these three fields. */
    static ObjectNode vote(String reaction, String proposalId) {
        return CardElements.object()
                .put("opsbot", AdaptiveCardRenderer.VOTE)
                .put("reaction", reaction)
                .put("proposal", proposalId);
    }

    private static void addIfPresent(List<Block.Field> terms, String label, String value) {
        if (present(value)) {
            terms.add(new Block.Field(label, value));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package dev.opsbot.core.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.chat.ChatEvent;

/** Turns events into the JSON the ledger keeps, and back, so another replica can finish what one started. */
public final class ChatEventCodec {
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String encode(ChatEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new OpsbotException("cannot serialise " + event.getClass().getSimpleName(), false, e);
        }
    }

    public ChatEvent decode(String payload) {
        try {
            return json.readValue(payload, ChatEvent.class);
        } catch (JsonProcessingException e) {
            throw new OpsbotException("stored event is not a readable ChatEvent: " + e.getOriginalMessage(), false, e);
        }
    }
}

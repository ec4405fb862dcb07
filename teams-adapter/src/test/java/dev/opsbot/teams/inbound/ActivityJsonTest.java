package dev.opsbot.teams.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.opsbot.teams.testing.Activities;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityJsonTest {

    /** .NET writes no fraction when it is zero ({@code FFFFFFF}): one activity in ten million, refused before. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-01T09:30:00Z",
                "2024-03-01T09:30:00.1Z",
                "2024-03-01T09:30:00.123Z",
                "2024-03-01T09:30:00.3197476Z",
                "2024-03-01T10:30:00+01:00"
            })
    void timestampsWithAnyFractionOrNoneAreRead(String timestamp) throws IOException {
        Activities.Builder message = Activities.message("1709285400000", "hi").mentioningBot();
        message.tree().put("timestamp", timestamp).put("localTimestamp", timestamp);

        Activity activity = ActivityJson.read(tree(message));

        Instant expected = OffsetDateTime.parse(timestamp).toInstant();
        assertThat(activity.getTimestamp().toInstant()).isEqualTo(expected);
        assertThat(activity.getLocalTimestamp().toInstant()).isEqualTo(expected);
        assertThat(activity.getText()).isEqualTo("<at>opsbot</at> hi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-03-01", ""})
    void unreadableTimestampIsLeftForTheTranslatorToDate(String timestamp) throws IOException {
        Activities.Builder message = Activities.message("1709285400000", "hi").mentioningBot();
        message.tree().put("timestamp", timestamp);

        Activity activity = ActivityJson.read(tree(message));

        assertThat(activity.getTimestamp()).isNull();
        assertThat(activity.getId()).isEqualTo("1709285400000");
    }

    private static JsonNode tree(Activities.Builder message) throws IOException {
        return Serialization.jsonToTree(message.json());
    }
}

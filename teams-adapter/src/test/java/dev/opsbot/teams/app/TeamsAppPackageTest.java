package dev.opsbot.teams.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.HelpHandler;
import dev.opsbot.core.conversation.Intent;
import dev.opsbot.core.conversation.IntentParser;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.RecordingChatPort;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Teams app package as the build fills it in ({@code target/teams-app}, zipped at {@code package}): a manifest
 * Teams accepts, icons of the sizes it asks for, and commands that opsbot understands.
 */
class TeamsAppPackageTest {
    /** Where the build puts the filtered manifest and the icons (the module's directory is the working directory). */
    static final Path APP = Path.of("target", "teams-app");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static JsonNode manifest() throws IOException {
        return JSON.readTree(APP.resolve("manifest.json").toFile());
    }

    @Test
    void manifestIsSchema117JsonWithTheAppIdAndVersionFilledIn() throws IOException {
        String text = Files.readString(APP.resolve("manifest.json"));
        JsonNode manifest = JSON.readTree(text);

        assertThat(text).as("every placeholder filtered").doesNotContain("${");
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.17");
        assertThat(manifest.path("$schema").asText()).endsWith("/teams/v1.17/MicrosoftTeams.schema.json");
        assertThat(manifest.path("version").asText()).as("Teams wants x.y.z").matches("\\d+\\.\\d+\\.\\d+");
        String appId = manifest.path("id").asText();
        assertThat(appId).matches(GUID);
        assertThat(manifest.at("/bots/0/botId").asText()).isEqualTo(appId);
        assertThat(manifest.at("/webApplicationInfo/id").asText()).isEqualTo(appId);
    }

    @Test
    void manifestKeepsTheLengthsTeamsAllows() throws IOException {
        JsonNode manifest = manifest();

        assertThat(manifest.at("/name/short").asText()).hasSizeLessThanOrEqualTo(30);
        assertThat(manifest.at("/name/full").asText()).hasSizeLessThanOrEqualTo(100);
        assertThat(manifest.at("/description/short").asText()).hasSizeLessThanOrEqualTo(80);
        assertThat(manifest.at("/description/full").asText()).hasSizeLessThanOrEqualTo(4000);
        assertThat(manifest.path("accentColor").asText()).matches("#[0-9A-Fa-f]{6}");
        for (String url : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
            assertThat(manifest.path("developer").path(url).asText()).as(url).startsWith("https://");
        }
    }

    @Test
    void botServesChannelsGroupChatsAndPersonalChatsWithoutFiles() throws IOException {
        JsonNode bot = manifest().at("/bots/0");

        assertThat(texts(bot.path("scopes"))).containsExactlyInAnyOrder("team", "personal", "groupChat");
        assertThat(bot.path("supportsFiles").isBoolean()).isTrue();
        assertThat(bot.path("supportsFiles").asBoolean()).isFalse();
        assertThat(bot.path("isNotificationOnly").asBoolean()).isFalse();
    }

    @Test
    void channelThreadsReachOpsbotWithoutAMentionOnlyThroughTheTeamsConsent() throws IOException {
        JsonNode permissions = manifest().at("/authorization/permissions/resourceSpecific");

        // follow-ups in a thread opsbot answered come without a mention: Teams delivers them only with this
        assertThat(permissions.findValuesAsText("name")).containsExactly("ChannelMessage.Read.Group");
        assertThat(permissions.findValuesAsText("type")).containsExactly("Application");
    }

    @Test
    void everyCommandOfferedIsOneOpsbotUnderstandsAndHelpNames() throws IOException {
        String help = helpText();
        List<JsonNode> lists = new ArrayList<>();
        manifest().at("/bots/0/commandLists").forEach(lists::add);

        assertThat(lists).isNotEmpty();
        for (JsonNode list : lists) {
            assertThat(list.path("commands").size())
                    .as("Teams shows at most 10")
                    .isBetween(1, 10);
            for (JsonNode command : list.path("commands")) {
                String title = command.path("title").asText();
                assertThat(title).hasSizeLessThanOrEqualTo(32);
                assertThat(command.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(128);
                // what Teams sends when someone picks it in a channel, the mention stripped by the adapter
                assertThat(new IntentParser().parse(title))
                        .as(title)
                        .isNotInstanceOfAny(Intent.Unrecognized.class, Intent.Investigate.class);
                assertThat(help).as("help names " + title).contains(title);
            }
        }
    }

    @Test
    void theCommandsAreHelpStatusWhoamiEverywhereAndTheChannelOnesInChannels() throws IOException {
        Map<String, List<String>> byScope = new TreeMap<>();
        for (JsonNode list : manifest().at("/bots/0/commandLists")) {
            List<String> titles = list.path("commands").findValuesAsText("title");
            list.path("scopes").forEach(scope -> byScope.put(scope.asText(), titles));
        }

        assertThat(byScope.get("team")).containsExactly("help", "status", "whoami", "handoff", "memories");
        assertThat(byScope.get("groupChat")).isEqualTo(byScope.get("team"));
        assertThat(byScope.get("personal"))
                .as("handoff and memories are a channel's")
                .containsExactly("help", "status", "whoami");
        assertThat(new IntentParser().parse("handoff")).isInstanceOf(Intent.Handoff.class);
        assertThat(new IntentParser().parse("memories")).isInstanceOf(Intent.Memories.class);
    }

    @Test
    void iconsHaveTheSizesTeamsAsksFor() throws IOException {
        JsonNode icons = manifest().path("icons");

        assertThat(pngSize(APP.resolve(icons.path("color").asText()))).containsExactly(192, 192);
        assertThat(pngSize(APP.resolve(icons.path("outline").asText()))).containsExactly(32, 32);
    }

    @Test
    void outlineIconIsWhiteOnTransparent() throws IOException {
        BufferedImage outline = ImageIO.read(APP.resolve("outline.png").toFile());
        int drawn = 0;

        for (int y = 0; y < outline.getHeight(); y++) {
            for (int x = 0; x < outline.getWidth(); x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                    drawn++;
                }
            }
        }
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        assertThat(drawn).as("something is drawn, but not everything").isBetween(20, 32 * 32 / 2);
    }

    /** Width and height from the PNG's IHDR chunk, which must come first after the signature. */
    static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png);
                DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).as(png + " is a PNG").containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
            data.readInt(); // the chunk's length
            assertThat(new String(data.readNBytes(4), StandardCharsets.US_ASCII))
                    .isEqualTo("IHDR");
            return new int[] {data.readInt(), data.readInt()};
        }
    }

    /** What opsbot says to "help", fields included. */
    private static String helpText() {
        RecordingChatPort chat = new RecordingChatPort("teams");
        ThreadRef thread = new ThreadRef("teams", "19:incident@thread.tacv2", "1710037800000");
        ChatUser dana = new ChatUser("29:1dana", "Dana Lee", "dana.lee@example.com");
        Responder responder = new Responder(
                chat, thread, new InMemoryBotMessageStore(), new InMemoryThreadStore(), dana.id(), Clock.systemUTC());
        ChatEvent help = new ChatEvent.Mention("e1", thread, "m1", dana, "help", Instant.now());

        new HelpHandler().handle(help, new Intent.Help(), responder);

        var reply = chat.posted().getLast().reply();
        StringBuilder text = new StringBuilder(reply.text());
        reply.blocks().stream()
                .filter(Block.Fields.class::isInstance)
                .flatMap(block -> ((Block.Fields) block).fields().stream())
                .forEach(field -> text.append('\n').append(field.label()));
        return text.toString();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}

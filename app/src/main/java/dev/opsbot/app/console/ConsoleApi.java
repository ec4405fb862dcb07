package dev.opsbot.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.server.JsonBody;
import dev.opsbot.app.server.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The console HTTP API, exactly as ARCHITECTURE.md fixes it, plus read-only helpers the page uses (users,
 * channels, a channel's threads, attachment bytes).
 */
public final class ConsoleApi implements RouteModule {
    private static final int THREAD_LIST_LIMIT = 50;

    private final ConsoleService console;
    private final ConsoleJson views;
    private final ConsoleHub hub;
    private final ObjectMapper json;

    public ConsoleApi(ConsoleService console, ConsoleJson views, ConsoleHub hub, ObjectMapper json) {
        this.console = console;
        this.views = views;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/console/messages", this::postMessage);
        routes.post("/api/console/reactions", this::addReaction);
        routes.delete("/api/console/reactions", this::removeReaction);
        routes.get("/api/console/threads/{thread}", this::thread);
        routes.sse("/api/console/events", hub::connect);
        routes.get("/api/console/users", ctx -> ctx.json(Map.of("users", console.users())));
        routes.get("/api/console/channels", ctx -> ctx.json(Map.of("channels", console.channels())));
        routes.get("/api/console/channels/{channel}/threads", this::channelThreads);
        routes.get("/api/console/attachments/{id}", this::attachment);
    }

    private void postMessage(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        ConsoleService.Posted posted = console.post(
                body.optional("channel"), body.required("user"), body.optional("text"), body.optional("thread"));
        ctx.status(202).json(Map.of("id", posted.id(), "thread", posted.thread()));
    }

    private void addReaction(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        console.react(body.required("message"), body.required("user"), body.required("reaction"));
        ctx.status(202).json(Map.of("status", "accepted"));
    }

    private void removeReaction(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        console.unreact(body.required("message"), body.required("user"), body.required("reaction"));
        ctx.status(202).json(Map.of("status", "accepted"));
    }

    private void thread(Context ctx) {
        String thread = ctx.pathParam("thread");
        var messages = console.thread(thread).stream().map(views::view).toList();
        ctx.json(Map.of("thread", thread, "messages", messages));
    }

    private void channelThreads(Context ctx) {
        var threads = console.recentThreads(ctx.pathParam("channel"), THREAD_LIST_LIMIT).stream()
                .map(m -> Map.of("thread", m.thread(), "user", m.user(), "text", m.text(), "ts", m.ts().toString()))
                .toList();
        ctx.json(Map.of("threads", threads));
    }

    private void attachment(Context ctx) {
        var data = console.attachment(ctx.pathParam("id"));
        ctx.contentType(data.type())
                .header("Cache-Control", "private, max-age=86400")
                .result(data.data());
    }
}

package dev.opsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.opsbot.app.agent.ConfiguredAgent;
import dev.opsbot.app.approval.ConfiguredApprovals;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.console.ConsoleApi;
import dev.opsbot.app.console.ConsoleChatPort;
import dev.opsbot.app.console.ConsoleHub;
import dev.opsbot.app.console.ConsoleJson;
import dev.opsbot.app.console.ConsoleService;
import dev.opsbot.app.console.ConsoleUsers;
import dev.opsbot.app.handoff.ConfiguredHandoffs;
import dev.opsbot.app.identity.ConfiguredIdentity;
import dev.opsbot.app.llm.ChatModels;
import dev.opsbot.app.memory.ConfiguredMemory;
import dev.opsbot.app.memory.ConfiguredRunbooks;
import dev.opsbot.app.ops.MetricsDispatchListener;
import dev.opsbot.app.ops.MetricsGuardListener;
import dev.opsbot.app.ops.MetricsInvestigationObserver;
import dev.opsbot.app.ops.OpsRoutes;
import dev.opsbot.app.server.ConsoleTokenGuard;
import dev.opsbot.app.server.HttpServer;
import dev.opsbot.app.server.RouteModule;
import dev.opsbot.app.server.StartupGate;
import dev.opsbot.app.slack.SlackPlatform;
import dev.opsbot.app.teams.TeamsPlatform;
import dev.opsbot.app.triage.ConfiguredTriage;
import dev.opsbot.app.triage.StartingTriage;
import dev.opsbot.app.triage.SymptomChart;
import dev.opsbot.app.triage.TriageBackend;
import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.approval.ApprovalService;
import dev.opsbot.core.approval.RecoveryListener;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.conversation.AccessHandler;
import dev.opsbot.core.conversation.AgentAdvisor;
import dev.opsbot.core.conversation.AskHandler;
import dev.opsbot.core.conversation.BotStatus;
import dev.opsbot.core.conversation.Dispatcher;
import dev.opsbot.core.conversation.HandoffHandler;
import dev.opsbot.core.conversation.HelpHandler;
import dev.opsbot.core.conversation.IntentParser;
import dev.opsbot.core.conversation.IntentRouter;
import dev.opsbot.core.conversation.InvestigateHandler;
import dev.opsbot.core.conversation.MemoryHandler;
import dev.opsbot.core.conversation.ResolvedHandler;
import dev.opsbot.core.conversation.StatusHandler;
import dev.opsbot.core.conversation.WhoAmIHandler;
import dev.opsbot.core.learning.LessonWriter;
import dev.opsbot.core.learning.MemoryReactions;
import dev.opsbot.core.learning.ModelLessonWriter;
import dev.opsbot.core.learning.TeamKnowledge;
import dev.opsbot.core.learning.ThreadLearning;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.db.Database;
import dev.opsbot.db.DbStores;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running opsbot: database, dispatcher, chat adapters and the HTTP server, wired from one {@link OpsbotConfig}.
 * {@link #close()} shuts down gracefully: stop taking requests, finish or hand back in-flight work, close the
 * database.
 */
public final class OpsbotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsbotApplication.class);
    private static final int RECOVERY_BATCH = 100;

    private final OpsbotConfig config;
    private final Database database;
    private final DbStores stores;
    private final Dispatcher dispatcher;
    private final ConsoleHub hub;
    private final HttpServer server;
    private final ScheduledExecutorService recovery;
    private final String replica;
    private final TriageBackend triage;
    private final ConfiguredIdentity identity;
    private final ApprovalService approvals;
    private final List<AutoCloseable> adapters;
    private volatile boolean closed;
    private final TeamMemory memory;

    private OpsbotApplication(
            OpsbotConfig config,
            Database database,
            DbStores stores,
            Dispatcher dispatcher,
            ConsoleHub hub,
            HttpServer server,
            ScheduledExecutorService recovery,
            String replica,
            TriageBackend triage,
            ConfiguredIdentity identity,
            ApprovalService approvals,
            TeamMemory memory,
            List<AutoCloseable> adapters) {
        this.memory = memory;
        this.config = config;
        this.database = database;
        this.stores = stores;
        this.dispatcher = dispatcher;
        this.hub = hub;
        this.server = server;
        this.recovery = recovery;
        this.replica = replica;
        this.triage = triage;
        this.identity = identity;
        this.approvals = approvals;
        this.adapters = adapters;
    }

    /** Starts opsbot and returns once it serves HTTP with its database migrated. */
    public static OpsbotApplication start(OpsbotConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static OpsbotApplication start(OpsbotConfig config, Clock clock) {
        return start(config, clock, (TriageStarter) guard -> ConfiguredTriage.create(config, clock, guard));
    }

    /** Starts opsbot with triage evidence from {@code triage}, whose clients do not take opsbot's guardrails. */
    public static OpsbotApplication start(OpsbotConfig config, Clock clock, Supplier<TriageBackend> triage) {
        return start(config, clock, (TriageStarter) guard -> triage.get());
    }

    /** Starts a triage backend whose clients carry the given guardrails. */
    @FunctionalInterface
    public interface TriageStarter {
        TriageBackend start(TransportGuard guard);
    }

    /**
     * Starts opsbot with triage evidence from {@code triage} (the demo passes a scenario). The backend starts while
     * the database migrates, and stops with the application; its clients carry the configured guardrails. A
     * configuration without Slack, Teams or the console is refused ({@link OpsbotConfig#requireChatPlatform()}).
     */
    public static OpsbotApplication start(OpsbotConfig config, Clock clock, TriageStarter triage) {
        config.requireChatPlatform();
        Instant startedAt = clock.instant();
        Database database = Databases.create(config.database());
        // Migrating (seconds on a cold JVM) and starting the HTTP server (as long) overlap: on two cores that
        // halves the time to ready. The API answers 503 until the migrations are done.
        CompletableFuture<Void> migrated = CompletableFuture.runAsync(
                database::migrate,
                command -> Thread.ofPlatform().name("migrate").start(command));
        try {
            return wire(config, clock, startedAt, database, migrated, triage);
        } catch (RuntimeException e) {
            migrated.cancel(true);
            database.close();
            throw e;
        }
    }

    private static OpsbotApplication wire(
            OpsbotConfig config,
            Clock clock,
            Instant startedAt,
            Database database,
            CompletableFuture<Void> migrated,
            TriageStarter triageStarter) {
        DbStores stores = DbStores.of(database);
        PrometheusMeterRegistry metrics = metrics();
        // refusals are recorded when they happen, long after the migrations are done
        TransportGuard guard = new TransportGuard(
                config.policy().engine(), stores.auditLog(), clock, new MetricsGuardListener(metrics));
        StartingTriage triage = StartingTriage.begin(() -> triageStarter.start(guard));
        try {
            return wire(config, clock, startedAt, database, migrated, triage, stores, metrics, guard);
        } catch (RuntimeException e) {
            triage.close();
            throw e;
        }
    }

    private static OpsbotApplication wire(
            OpsbotConfig config,
            Clock clock,
            Instant startedAt,
            Database database,
            CompletableFuture<Void> migrated,
            StartingTriage triage,
            DbStores stores,
            PrometheusMeterRegistry metrics,
            TransportGuard guard) {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ConsoleHub hub = new ConsoleHub();
        ConsoleJson views = new ConsoleJson(json);
        ConsoleUsers consoleUsers = new ConsoleUsers(config.console().users().stream()
                .map(u -> new ConsoleUsers.User(u.id(), u.name(), u.email(), u.role()))
                .toList());
        ConsoleChatPort consolePort = new ConsoleChatPort(
                stores.console(),
                hub,
                views,
                clock,
                consoleUsers,
                config.console().channels());
        List<ChatPort> ports = new ArrayList<>();
        if (config.console().enabled()) {
            ports.add(consolePort);
        }
        String replica = Replica.name(config.server().port());
        Optional<SlackPlatform> slack = SlackPlatform.create(config.slack(), config.approval());
        Optional<TeamsPlatform> teams = TeamsPlatform.create(config.teams(), stores.chatAddresses(), clock);
        ConfiguredIdentity identity = ConfiguredIdentity.create(
                config.identity(),
                stores.identityCache(),
                stores.auditLog(),
                clock,
                guard,
                // e-mails come from each platform's directory, asked while an event is handled (never before the ack)
                (platform, userId) -> slack.filter(s -> s.port().platform().equals(platform))
                        .flatMap(s -> s.user(userId))
                        .or(() -> teams.filter(t -> t.port().platform().equals(platform))
                                .flatMap(t -> t.user(userId))));
        slack.ifPresent(platform -> ports.add(platform.port()));
        teams.ifPresent(platform -> ports.add(platform.port()));
        TeamMemory memory = ConfiguredMemory.create(stores.memories(), clock);
        ThreadLearning learning = new ThreadLearning(
                stores.verdicts(),
                stores.proposals(),
                Optional.of(memory),
                ChatModels.from(config.llm())
                        .<LessonWriter>map(ModelLessonWriter::new)
                        .orElse(LessonWriter.AS_BUILT),
                stores.auditLog(),
                config.memory().objectionWindow(),
                clock);
        // an approved action that verified resolves its thread: what it taught is proposed as a memory
        RecoveryListener resolveThread =
                (proposal, responder) -> learning.resolve(proposal.thread(), proposal.requesterEmail(), responder);
        ApprovalService approvals = ConfiguredApprovals.create(
                config.approval(),
                stores.proposals(),
                identity.acting(),
                identity.broker(),
                triage,
                stores.auditLog(),
                clock,
                replica,
                resolveThread);
        List<String> platforms = ports.stream().map(ChatPort::platform).toList();
        // asked when someone says "status", by when the triage backend has started
        Supplier<BotStatus> status = () -> new BotStatus(
                Version.current(),
                replica,
                startedAt,
                platforms,
                triage.service().sourceNames(),
                LlmDescription.of(config.llm()));
        Optional<AgentAdvisor> advisor = ConfiguredAgent.create(
                config.llm(),
                triage,
                approvals,
                guard,
                config.identity().environment(),
                stores.auditLog(),
                stores.transcripts(),
                metrics,
                clock);
        advisor.ifPresent(model -> log.info("llm: {} reasons over the evidence", LlmDescription.of(config.llm())));
        TeamKnowledge knowledge = new TeamKnowledge(
                Optional.of(memory),
                config.memory().demoRunbooks()
                        ? ConfiguredRunbooks.demo(ConfiguredMemory::model)
                        : ConfiguredRunbooks.load(config.memory().runbooks(), ConfiguredMemory::model),
                stores.verdicts(),
                config.memory().citeSimilarity(),
                clock);
        ConfiguredHandoffs handoffs =
                ConfiguredHandoffs.create(config.handoff(), config.llm(), stores, Optional.of(memory), clock);
        IntentRouter router = new IntentRouter(
                new IntentParser(),
                new HelpHandler(),
                new StatusHandler(status, clock),
                new AskHandler(identity.acting(), advisor, Optional.of(knowledge)),
                new InvestigateHandler(
                        triage::service,
                        identity.acting(),
                        new AnswerRenderer(new SymptomChart()),
                        new MetricsInvestigationObserver(metrics),
                        approvals,
                        stores.auditLog(),
                        advisor,
                        Optional.of(knowledge)),
                new WhoAmIHandler(identity.acting()),
                new AccessHandler(identity.acting()),
                new MemoryHandler(identity.acting(), Optional.of(memory), stores.auditLog(), clock),
                new ResolvedHandler(identity.acting(), learning),
                new HandoffHandler(
                        identity.acting(),
                        handoffs.handoffs(),
                        stores.scheduleLeases(),
                        handoffs.shift(),
                        handoffs.zone(),
                        clock));
        Dispatcher dispatcher = new Dispatcher(
                stores.eventLedger(),
                stores.threads(),
                stores.botMessages(),
                ports,
                router,
                new BoundedWorkers(config.dispatcher().maxConcurrent()),
                clock,
                replica,
                config.dispatcher().lease(),
                new MetricsDispatchListener(metrics),
                approvals.andThen(new MemoryReactions(
                        identity.acting(),
                        memory,
                        stores.auditLog(),
                        config.memory().objectionWindow(),
                        clock)));

        List<RouteModule> routes = new ArrayList<>();
        StartupGate gate = new StartupGate();
        var readiness = new java.util.LinkedHashMap<String, java.util.function.BooleanSupplier>();
        readiness.put("startup", gate::isOpen);
        readiness.put("database", database::ready);
        routes.add(new OpsRoutes(readiness, metrics));
        slack.ifPresent(platform -> {
            platform.listen(dispatcher::submit, stores.botMessages(), clock);
            platform.routes().ifPresent(routes::add);
            log.info("slack: {}", platform.description());
        });
        teams.ifPresent(platform -> {
            platform.listen(dispatcher::submit, metrics);
            routes.add(platform.routes());
            log.info("teams: {}", platform.description());
        });
        if (config.console().enabled()) {
            ConsoleUsers users = consoleUsers;
            ConsoleService console = new ConsoleService(
                    stores.console(),
                    consolePort,
                    users,
                    config.console().channels(),
                    config.server().maxMessageChars(),
                    dispatcher,
                    clock);
            routes.add(new ConsoleApi(console, views, hub, json));
        }
        ConsoleTokenGuard consoleGuard = config.server().consoleToken() == null
                ? ConsoleTokenGuard.open()
                : ConsoleTokenGuard.requiring(config.server().consoleToken().value());
        HttpServer server = HttpServer.start(
                config.server().host(),
                config.server().port(),
                json,
                metrics,
                routes,
                consoleGuard,
                gate,
                config.console().enabled());
        try {
            Databases.await(migrated);
            triage.awaitStarted();
        } catch (RuntimeException e) {
            server.close();
            identity.close();
            throw e;
        }
        gate.open();
        ScheduledExecutorService recovery = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("event-recovery").factory());
        ScheduledExecutorService handoffScheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("handoff-scheduler").factory());
        List<AutoCloseable> closeables =
                new ArrayList<>(slack.<List<AutoCloseable>>map(List::of).orElse(List.of()));
        closeables.add(handoffScheduler::shutdownNow);
        OpsbotApplication app = new OpsbotApplication(
                config,
                database,
                stores,
                dispatcher,
                hub,
                server,
                recovery,
                replica,
                triage,
                identity,
                approvals,
                memory,
                closeables);
        app.startRecovery();
        // its own thread: a handoff narrated by a model may take seconds, and recovery must not wait for it
        handoffs.startScheduler(
                handoffScheduler,
                ports.stream().collect(java.util.stream.Collectors.toMap(ChatPort::platform, port -> port)),
                replica,
                metrics);
        log.info("triage evidence from {}", triage.description());
        log.info("identity: {}", identity.description());
        log.info(
                "opsbot {} ready on http://{}:{}/ as replica {} ({} ms after start)",
                Version.current(),
                config.server().host(),
                server.port(),
                replica,
                Duration.between(startedAt, clock.instant()).toMillis());
        return app;
    }

    private void startRecovery() {
        // Whatever this replica left unfinished before a restart is ours to finish now, not after a lease.
        stores.eventLedger().release(replica, Instant.now());
        long every = config.dispatcher().recoveryInterval().toMillis();
        recovery.scheduleWithFixedDelay(this::recoverOnce, 0, every, TimeUnit.MILLISECONDS);
        recovery.scheduleWithFixedDelay(this::purgeExpiredIdentities, 10, 10, TimeUnit.MINUTES);
        recovery.scheduleWithFixedDelay(this::forgetOldConversations, 1, 24 * 60, TimeUnit.MINUTES);
        recovery.scheduleWithFixedDelay(this::purgeForgottenMemories, 2, 24 * 60, TimeUnit.MINUTES);
        recovery.scheduleWithFixedDelay(this::forgetOldEvents, 3, 60, TimeUnit.MINUTES);
        // what this replica was running when it stopped is said to be unknown, never run again
        recovery.execute(this::markInterruptedActions);
        recovery.scheduleWithFixedDelay(this::expireProposals, 30, 30, TimeUnit.SECONDS);
    }

    private void markInterruptedActions() {
        try {
            int marked = approvals.recoverInterrupted(proposal -> dispatcher.responderFor(proposal.thread()));
            if (marked > 0) {
                log.warn("{} approved actions were running when this replica stopped: marked UNKNOWN", marked);
            }
        } catch (RuntimeException e) {
            log.warn("checking for interrupted actions failed: {}", e.toString());
        }
    }

    private void expireProposals() {
        try {
            approvals.expireDue(proposal -> dispatcher.responderFor(proposal.thread()));
        } catch (RuntimeException e) {
            log.warn("expiring proposals failed; will retry: {}", e.toString());
        }
    }

    /** Resolved people past their TTL are never read again; dropping them keeps the cache table small. */
    private void purgeExpiredIdentities() {
        try {
            stores.identityCache().purgeExpired(Instant.now());
        } catch (RuntimeException e) {
            log.warn("purging expired identities failed; will retry: {}", e.toString());
        }
    }

    /** The model's conversations are kept {@link AgentTranscripts#RETENTION}, then deleted (on any replica). */
    private void forgetOldConversations() {
        try {
            int forgotten = stores.transcripts().forgetBefore(Instant.now().minus(AgentTranscripts.RETENTION));
            if (forgotten > 0) {
                log.info(
                        "forgot {} turns of conversations with the model older than {}",
                        forgotten,
                        AgentTranscripts.RETENTION);
            }
        } catch (RuntimeException e) {
            log.warn("forgetting old conversations with the model failed; will retry: {}", e.toString());
        }
    }

    /** Handled events are kept {@link EventLedger#RETENTION} to recognise retries, then deleted (on any replica). */
    private void forgetOldEvents() {
        try {
            int forgotten =
                    stores.eventLedger().forgetCompletedBefore(Instant.now().minus(EventLedger.RETENTION));
            if (forgotten > 0) {
                log.info("forgot {} handled chat events older than {}", forgotten, EventLedger.RETENTION);
            }
        } catch (RuntimeException e) {
            log.warn("forgetting old chat events failed; will retry: {}", e.toString());
        }
    }

    /**
     * Forgotten memories stay a day as tombstones, so every replica's index learns they are gone, then go. A replica
     * whose index is older than that reloads it from scratch.
     */
    private void purgeForgottenMemories() {
        try {
            stores.memories().purgeForgotten(Instant.now().minus(java.time.Duration.ofDays(1)));
        } catch (RuntimeException e) {
            log.warn("purging forgotten memories failed; will retry: {}", e.toString());
        }
    }

    private void recoverOnce() {
        try {
            dispatcher.recoverExpired(RECOVERY_BATCH);
        } catch (RuntimeException e) {
            log.warn("recovering unfinished events failed; will retry: {}", e.toString());
        }
    }

    /** A recovery pass still running must not find the database closed under it. */
    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public int port() {
        return server.port();
    }

    public String replica() {
        return replica;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Database database() {
        return database;
    }

    /** The team's memory, as the conversation uses it. */
    public TeamMemory memory() {
        return memory;
    }

    public DbStores stores() {
        return stores;
    }

    public OpsbotConfig config() {
        return config;
    }

    /** Stops taking requests, waits for running work (up to server.shutdownGrace), hands back the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Duration grace = config.server().shutdownGrace();
        log.info("opsbot stopping: finishing in-flight work (up to {})", grace);
        // Event streams first: closing one after Jetty recycled its request makes Javalin fail on it endlessly.
        hub.close();
        server.close();
        for (AutoCloseable adapter : adapters) {
            try {
                adapter.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", adapter.getClass().getSimpleName(), e.toString());
            }
        }
        recovery.shutdownNow();
        awaitQuietly(recovery);
        dispatcher.shutdown(grace);
        triage.close();
        identity.close();
        database.close();
        log.info("opsbot stopped");
    }
}

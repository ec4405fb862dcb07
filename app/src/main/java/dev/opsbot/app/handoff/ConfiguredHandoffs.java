package dev.opsbot.app.handoff;

import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.HandoffConfig;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.llm.ChatModels;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.handoff.HandoffBuilder;
import dev.opsbot.core.handoff.HandoffNarrator;
import dev.opsbot.core.handoff.HandoffRenderer;
import dev.opsbot.core.handoff.Handoffs;
import dev.opsbot.core.handoff.ModelNarrator;
import dev.opsbot.core.handoff.OnCall;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.db.DbStores;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shift handoffs as configured under {@code handoff:}: the handoff message (with the model's narrative when
 * {@code llm:} names a model), who is on call ({@link Rotation}), and the scheduler that posts each channel's
 * handoff on time.
 */
public final class ConfiguredHandoffs {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredHandoffs.class);

    private final HandoffConfig config;
    private final OnCall onCall;
    private final ScheduleLeases leases;
    private final Clock clock;
    /** One per zone times are shown in: {@code handoff.timezone} and each schedule's own. */
    private final Map<ZoneId, Handoffs> byZone = new LinkedHashMap<>();

    ConfiguredHandoffs(
            HandoffConfig config,
            HandoffBuilder builder,
            Optional<ChatModel> model,
            String modelName,
            AuditLog audit,
            ScheduleLeases leases,
            Clock clock) {
        this.config = config;
        this.onCall = new Rotation(config);
        this.leases = leases;
        this.clock = clock;
        byZone.put(config.timezone(), handoffs(config.timezone(), builder, model, modelName, audit));
        for (HandoffConfig.Schedule schedule : config.schedules()) {
            byZone.computeIfAbsent(schedule.timezone(), zone -> handoffs(zone, builder, model, modelName, audit));
        }
    }

    public static ConfiguredHandoffs create(
            HandoffConfig config, LlmConfig llm, DbStores stores, Optional<TeamMemory> memory, Clock clock) {
        HandoffBuilder builder = new HandoffBuilder(
                stores.threads(), stores.verdicts(), stores.proposals(), memory, stores.auditLog(), clock);
        return new ConfiguredHandoffs(
                config,
                builder,
                ChatModels.from(llm),
                llm.model() == null ? llm.provider() : llm.model(),
                stores.auditLog(),
                stores.scheduleLeases(),
                clock);
    }

    /** The handoff of a shift, times shown in {@code handoff.timezone} ({@code @opsbot handoff}). */
    public Handoffs handoffs() {
        return byZone.get(config.timezone());
    }

    public OnCall onCall() {
        return onCall;
    }

    /** How far back a handoff looks when the channel had no earlier one. */
    public Duration shift() {
        return config.shift();
    }

    public ZoneId zone() {
        return config.timezone();
    }

    /**
     * Posts each scheduled handoff on {@code executor} from now on. A schedule on a platform without a port here
     * is left out, with an error in the log.
     *
     * @param replica this replica's name, the owner of the slots it claims
     */
    public void startScheduler(
            ScheduledExecutorService executor,
            Map<String, ChatPort> portsByPlatform,
            String replica,
            MeterRegistry metrics) {
        scheduler(portsByPlatform, replica, metrics).ifPresent(scheduler -> scheduler.start(executor));
    }

    Optional<HandoffScheduler> scheduler(Map<String, ChatPort> ports, String replica, MeterRegistry registry) {
        List<HandoffConfig.Schedule> postable = config.schedules().stream()
                .filter(schedule -> hasPort(schedule, ports))
                .toList();
        if (postable.isEmpty()) {
            return Optional.empty();
        }
        HandoffMetrics metrics = new HandoffMetrics(registry);
        HandoffPoster poster = new HandoffPoster(
                leases,
                (shift, zone) -> byZone.get(zone).compose(shift),
                onCall,
                ports,
                replica,
                config.shift(),
                clock,
                metrics);
        LOG.info(
                "shift handoffs scheduled for {}",
                postable.stream()
                        .map(s -> s.team() + " at " + s.cron() + " " + s.timezone())
                        .toList());
        return Optional.of(new HandoffScheduler(postable, leases, poster, clock, metrics));
    }

    private static boolean hasPort(HandoffConfig.Schedule schedule, Map<String, ChatPort> ports) {
        if (ports.containsKey(schedule.platform())) {
            return true;
        }
        LOG.error(
                "handoff.schedules: {} is not posted: {} is not enabled on this replica (ports: {})",
                schedule.team(),
                schedule.platform(),
                ports.keySet());
        return false;
    }

    private Handoffs handoffs(
            ZoneId zone, HandoffBuilder builder, Optional<ChatModel> model, String modelName, AuditLog audit) {
        HandoffRenderer renderer = new HandoffRenderer(zone);
        HandoffNarrator narrator = model.<HandoffNarrator>map(
                        m -> new ModelNarrator(m, modelName, renderer, audit, clock))
                .orElse(HandoffNarrator.NONE);
        return new Handoffs(builder, narrator, renderer, onCall);
    }
}

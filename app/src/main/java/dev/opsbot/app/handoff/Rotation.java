package dev.opsbot.app.handoff;

import dev.opsbot.app.config.HandoffConfig;
import dev.opsbot.core.handoff.OnCall;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is on call, from {@code handoff.rotations}: people take turns of {@code every} from {@code start}, so at any
 * time the person on call is {@code people[floor((at - start) / every) mod n]} (before {@code start} the turns
 * run backwards the same way). Times are counted on the channel's wall clock: a 08:00 handover stays at 08:00
 * across daylight-saving changes. A handoff at a turn change goes to the person whose turn starts then.
 */
public final class Rotation implements OnCall {
    private final HandoffConfig config;
    private final Map<String, HandoffConfig.RotationConfig> byTeam;

    public Rotation(HandoffConfig config) {
        this.config = config;
        this.byTeam = config.rotations().stream()
                .collect(Collectors.toUnmodifiableMap(HandoffConfig.RotationConfig::team, Function.identity()));
    }

    @Override
    public Optional<String> next(String platform, String channel, Instant at) {
        HandoffConfig.RotationConfig rotation = byTeam.get(platform + "/" + channel);
        if (rotation == null) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, config.zone(platform, channel));
        long sinceStart = Duration.between(rotation.start(), local).getSeconds();
        long turn = Math.floorDiv(sinceStart, rotation.every().getSeconds());
        return Optional.of(
                rotation.people().get(Math.floorMod(turn, rotation.people().size())));
    }
}

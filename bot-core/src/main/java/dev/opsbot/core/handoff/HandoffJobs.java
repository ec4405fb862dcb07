package dev.opsbot.core.handoff;

/**
 * Names of the scheduled handoff jobs in {@link dev.opsbot.core.store.ScheduleLeases}: the scheduler claims a
 * channel's slot under this key, and {@code @opsbot handoff} without a time starts where the last finished run did.
 */
public final class HandoffJobs {
    private HandoffJobs() {}

    public static String key(String platform, String channel) {
        return "handoff:" + platform + "/" + channel;
    }
}

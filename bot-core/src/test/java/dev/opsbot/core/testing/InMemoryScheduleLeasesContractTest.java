package dev.opsbot.core.testing;

import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.core.testing.contract.ScheduleLeasesContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryScheduleLeasesContractTest extends ScheduleLeasesContract {
    @Override
    protected ScheduleLeases newStore() {
        return new InMemoryScheduleLeases();
    }
}

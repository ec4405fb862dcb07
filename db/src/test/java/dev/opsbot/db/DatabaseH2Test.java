package dev.opsbot.db;

import dev.opsbot.db.testing.ThrowawayDatabase;
import org.jooq.SQLDialect;

class DatabaseH2Test extends DatabaseContract {
    @Override
    protected ThrowawayDatabase newStorage() {
        return ThrowawayDatabase.h2();
    }

    @Override
    protected SQLDialect expectedDialect() {
        return SQLDialect.H2;
    }
}

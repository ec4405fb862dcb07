package dev.opsbot.core.testing;

import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.testing.contract.IdentityCacheContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryIdentityCacheContractTest extends IdentityCacheContract {
    @Override
    protected IdentityCache newCache() {
        return new InMemoryIdentityCache();
    }
}

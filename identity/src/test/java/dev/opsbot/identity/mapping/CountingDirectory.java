package dev.opsbot.identity.mapping;

import dev.opsbot.identity.directory.Directory;
import dev.opsbot.identity.directory.DirectoryPerson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A directory whose people a test changes while it runs, counting how often it is asked. */
final class CountingDirectory implements Directory {
    private final Map<String, DirectoryPerson> people = new ConcurrentHashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final String description;

    CountingDirectory(String description) {
        this.description = description;
    }

    CountingDirectory with(String email, DirectoryPerson person) {
        people.put(email, person);
        return this;
    }

    int asked() {
        return asked.get();
    }

    @Override
    public Optional<DirectoryPerson> find(String email) {
        asked.incrementAndGet();
        return Optional.ofNullable(people.get(email));
    }

    @Override
    public String description() {
        return description;
    }
}

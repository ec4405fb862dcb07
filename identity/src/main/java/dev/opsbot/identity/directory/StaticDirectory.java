package dev.opsbot.identity.directory;

import dev.opsbot.core.identity.DirectorySource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** People from opsbot's configuration: for teams without Identity Center, and for overrides in front of it. */
public final class StaticDirectory implements Directory {
    private final Map<String, StaticPerson> byEmail;

    public StaticDirectory(List<StaticPerson> people) {
        Map<String, StaticPerson> index = new HashMap<>();
        for (StaticPerson person : people) {
            StaticPerson earlier = index.putIfAbsent(key(person.email()), person);
            if (earlier != null) {
                throw new IllegalArgumentException("identity.people lists " + person.email() + " twice (also as "
                        + earlier.email() + "); list each person once");
            }
        }
        this.byEmail = Map.copyOf(index);
    }

    @Override
    public Optional<DirectoryPerson> find(String email) {
        return Optional.ofNullable(byEmail.get(key(email)))
                .map(person ->
                        new DirectoryPerson(DirectorySource.STATIC, null, person.displayName(), person.groups()));
    }

    @Override
    public String description() {
        return DirectorySource.STATIC.description() + " (identity.people)";
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

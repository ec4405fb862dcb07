package dev.opsbot.core.testing.identity;

import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityResolver;
import dev.opsbot.core.identity.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IdentityResolver} over a fixed set of people by chat user id; anyone else is not in the directory. */
public final class FixedIdentities implements IdentityResolver {
    public static final String CONTACT = "Ask #platform-access to add you to shop-oncall.";

    private final Map<String, Identity> byChatUser = new ConcurrentHashMap<>();
    private final List<String> forgotten = new ArrayList<>();

    public FixedIdentities(Identity... people) {
        for (Identity person : people) {
            byChatUser.put(person.chatUserId(), person);
        }
    }

    @Override
    public Resolution resolve(String platform, ChatUser user) {
        Identity identity = byChatUser.get(user.id());
        if (identity == null) {
            return new Resolution.Refused(
                    Resolution.RefusalKind.NOT_IN_DIRECTORY,
                    user.name() + " is not mapped to any cloud identity",
                    CONTACT);
        }
        return new Resolution.Mapped(identity);
    }

    @Override
    public synchronized void forget(String platform, String chatUserId) {
        forgotten.add(chatUserId);
    }

    public synchronized List<String> forgotten() {
        return List.copyOf(forgotten);
    }

    @Override
    public String howToGetAccess(String environment) {
        return CONTACT;
    }
}

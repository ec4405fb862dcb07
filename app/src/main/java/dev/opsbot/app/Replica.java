package dev.opsbot.app;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This replica's name in the event ledger: host and port, so a restarted process reclaims its own unfinished
 * events at once, and two processes on one machine stay apart.
 */
final class Replica {
    private Replica() {}

    static String name(int configuredPort) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return configuredPort == 0 ? host + ":" + ProcessHandle.current().pid() : host + ":" + configuredPort;
    }
}

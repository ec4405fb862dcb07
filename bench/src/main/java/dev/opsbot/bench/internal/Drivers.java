package dev.opsbot.bench.internal;

import java.util.concurrent.Callable;

/** The drivers' exit codes, as opsbot's CLI has them: 0 ok, 1 a check failed or the run broke, 2 bad usage. */
public final class Drivers {
    private Drivers() {}

    public static int run(Callable<Integer> driver) {
        try {
            return driver.call();
        } catch (Args.UsageException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            System.err.println("FAILED: " + e.getMessage()); // a precondition, said in full: no trace needed
            return 1;
        } catch (Exception e) {
            System.err.println("FAILED: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}

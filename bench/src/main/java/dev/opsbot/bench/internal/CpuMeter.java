package dev.opsbot.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How busy the machine was during a measurement, and how much of that was the measurement's own processes (this
 * JVM and the opsbot under test). On a shared 2-core machine "others" is what turns a figure into noise, so the
 * drivers print it beside the figure. Linux only; elsewhere it says nothing.
 */
public final class CpuMeter {
    private final List<Long> pids;
    private final long machineBusy;
    private final long machineTotal;
    private final long ours;

    private CpuMeter(List<Long> pids) {
        this.pids = pids;
        long[] machine = machine();
        this.machineBusy = machine[0];
        this.machineTotal = machine[1];
        this.ours = ours(pids);
    }

    /** Starts measuring; {@code pids} are the measurement's processes (this JVM's is added). */
    public static CpuMeter start(long... pids) {
        long[] all = Arrays.copyOf(pids, pids.length + 1);
        all[pids.length] = ProcessHandle.current().pid();
        return new CpuMeter(Arrays.stream(all).boxed().toList());
    }

    /** How busy the machine is with other work right now, sampled over {@code seconds}. */
    public static String background(int seconds) {
        CpuMeter meter = start();
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] machine = machine();
        long total = machine[1] - meter.machineTotal;
        if (total <= 0 || meter.machineTotal == 0) {
            return "other CPU use unknown";
        }
        double busy = (double) (machine[0] - meter.machineBusy)
                / total
                * Runtime.getRuntime().availableProcessors();
        return String.format(
                Locale.ROOT,
                "other processes kept %.2f cores busy over the %d s before the run%s",
                busy,
                seconds,
                busy > 0.2 ? " (machine not idle: figures include their contention)" : "");
    }

    /** "machine 1.35 of 2 cores busy: this run 1.10, others 0.25". */
    public String report() {
        long[] machine = machine();
        long total = machine[1] - machineTotal;
        if (total <= 0 || machineTotal == 0) {
            return "CPU use unknown";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double busy = (double) (machine[0] - machineBusy) / total * cores;
        double mine = Math.min(busy, (double) (ours(pids) - ours) / total * cores);
        return String.format(
                Locale.ROOT,
                "CPU during the run: %.2f of %d cores busy; this run's processes %.2f, others %.2f%s",
                busy,
                cores,
                mine,
                busy - mine,
                busy - mine > 0.2 ? " (contended: treat the figures as pessimistic)" : "");
    }

    /** busy and total jiffies of all cores, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** CPU time of the processes and their reaped children, in jiffies (the same clock ticks as /proc/stat). */
    private static long ours(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
                // utime, stime, cutime, cstime (fields 14-17 of proc(5)): children that ended and were waited
                // for, such as demo processes a driver started and stopped, count as ours
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                // the process is gone: its time is lost to the count, which then under-reports ours
            }
        }
        return sum;
    }
}

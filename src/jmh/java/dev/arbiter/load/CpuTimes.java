package dev.arbiter.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far, from Linux's {@code /proc}: by the service process, by this generator process, and by the
 * whole machine (busy and idle, all cores), in clock ticks. The difference of two samples tells how the cores were
 * split during a phase: service, generator, everything else (other processes), idle. Where {@code /proc} cannot be
 * read (not Linux) every figure is 0. Immutable.
 *
 * @param service   user + system ticks of the service process (0 when no pid was given)
 * @param generator user + system ticks of this process
 * @param busy      non-idle ticks of all cores
 * @param idle      idle + iowait ticks of all cores
 */
record CpuTimes(long service, long generator, long busy, long idle) {

    /** Linux's USER_HZ, the unit of {@code /proc} times: 100 on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100.0;

    /** @return the times now; {@code servicePid} 0 for no service */
    static CpuTimes now(long servicePid) {
        long[] machine = machine();
        return new CpuTimes(servicePid > 0 ? process(Path.of("/proc/" + servicePid + "/stat")) : 0,
                process(Path.of("/proc/self/stat")), machine[0], machine[1]);
    }

    /** @return the times used between {@code earlier} and this sample */
    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(service - earlier.service, generator - earlier.generator, busy - earlier.busy,
                idle - earlier.idle);
    }

    /** @return busy ticks of processes other than the service and the generator (never negative) */
    long others() {
        return Math.max(0, busy - service - generator);
    }

    /** @return {@code ticks} as cores busy over {@code seconds} of wall-clock time */
    static double cores(long ticks, double seconds) {
        return seconds <= 0 ? 0 : ticks / TICKS_PER_SECOND / seconds;
    }

    private static long process(Path stat) {
        try {
            String text = Files.readString(stat);
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {       // user nice system idle iowait irq softirq steal
                long value = Long.parseLong(cpu[i]);
                if (i == 4 || i == 5) {
                    idle += value;
                } else {
                    busy += value;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}

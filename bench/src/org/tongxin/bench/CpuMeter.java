package org.tongxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went in a window, from {@code /proc}: the app's JVM, the embedded PostgreSQL (its
 * backends and helpers, the statement log's collector apart), this bench process (the load generator), and
 * everything else on the machine (other people's work on a shared host). Linux only; a window must not outlive
 * the processes it counts (a backend that exits takes its ticks with it).
 */
final class CpuMeter {

    /** {@code getconf CLK_TCK} on Linux/x86-64. */
    private static final double TICKS_PER_S = 100;

    record Snapshot(long nanos, long app, long postgres, long logger, long bench, long machineBusy, long machineAll) {
    }

    private final long appPid;
    private final Long postmasterPid;
    private final long benchPid = ProcessHandle.current().pid();

    CpuMeter(long appPid, Long postmasterPid) {
        this.appPid = appPid;
        this.postmasterPid = postmasterPid;
    }

    Snapshot snapshot() {
        long postgres = 0;
        long logger = 0;
        if (postmasterPid != null) {
            postgres += ticks(postmasterPid);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] stat = stat(Long.parseLong(name));
                    if (stat == null || Long.parseLong(stat[1]) != postmasterPid) {
                        continue;
                    }
                    long t = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    if (cmdline(p).contains("logger")) {
                        logger += t;
                    } else {
                        postgres += t;
                    }
                }
            } catch (IOException e) {
                // leave what was counted
            }
        }
        long[] machine = machine();
        return new Snapshot(System.nanoTime(), ticks(appPid), postgres, logger, ticks(benchPid), machine[0], machine[1]);
    }

    /** CPU seconds per part between two snapshots, and per request when {@code requests} &gt; 0. */
    static Map<String, Object> between(Snapshot a, Snapshot b, int requests) {
        double wall = (b.nanos() - a.nanos()) / 1e9;
        double app = (b.app() - a.app()) / TICKS_PER_S;
        double pg = (b.postgres() - a.postgres()) / TICKS_PER_S;
        double logger = (b.logger() - a.logger()) / TICKS_PER_S;
        double bench = (b.bench() - a.bench()) / TICKS_PER_S;
        double busy = (b.machineBusy() - a.machineBusy()) / TICKS_PER_S;
        double all = (b.machineAll() - a.machineAll()) / TICKS_PER_S;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wall_s", Profile.round(wall, 1));
        out.put("cores_available", Profile.round(all / wall, 2));
        out.put("machine_busy_share", all == 0 ? null : Profile.round(busy / all, 3));
        out.put("app_cpu_s", Profile.round(app, 1));
        out.put("postgres_cpu_s", Profile.round(pg, 1));
        out.put("postgres_statement_log_collector_cpu_s", Profile.round(logger, 1));
        out.put("load_generator_cpu_s", Profile.round(bench, 1));
        out.put("other_processes_cpu_s", Profile.round(busy - app - pg - logger - bench, 1));
        if (requests > 0) {
            out.put("app_cpu_ms_per_request", Profile.round(app * 1000 / requests, 2));
            out.put("postgres_cpu_ms_per_request", Profile.round((pg + logger) * 1000 / requests, 2));
            out.put("load_generator_cpu_ms_per_request", Profile.round(bench * 1000 / requests, 2));
        }
        return out;
    }

    private static long ticks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, …, [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }

    /** Busy and all ticks of all cores from /proc/stat (busy = all but idle and iowait). */
    private static long[] machine() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).getFirst();
            String[] f = first.trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                all += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}

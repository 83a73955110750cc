package cn.servicemap.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the machine was doing: load averages (other builds run on these shared machines) and the JVM. */
final class Machine {
    private Machine() {
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them, and the time. */
    static Map<String, Object> load() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            m.put("load_1_5_15", List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        } catch (IOException | RuntimeException e) {
            m.put("load_1_5_15", null);
        }
        return m;
    }

    static Map<String, Object> jvm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }
}

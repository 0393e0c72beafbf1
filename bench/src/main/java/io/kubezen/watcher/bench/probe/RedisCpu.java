package io.kubezen.watcher.bench.probe;

/** CPU time Redis has used so far, its own account in {@code INFO cpu}: main thread and every other, user and system. */
public final class RedisCpu {

    private RedisCpu() {
    }

    public static double seconds(String infoCpu) {
        return field(infoCpu, "used_cpu_sys:") + field(infoCpu, "used_cpu_user:");
    }

    private static double field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name)) {
                return Double.parseDouble(line.substring(name.length()).trim());
            }
        }
        throw new IllegalArgumentException("no " + name + " in INFO cpu:\n" + info);
    }
}

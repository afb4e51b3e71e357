package dev.stockroom;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Under {@code ./mvnw spring-boot:run} only (the plugin sets {@code stockroom.run.maven}): a SIGTERM ends the
 * process with status 0, after the same graceful shutdown. Spring Boot's Maven plugin reports every status but 0
 * and 130 (Ctrl-C) as BUILD FAILURE, and a JVM stopped by SIGTERM exits with 143, so stopping the service the
 * usual way looked like a failed build. Anywhere else SIGTERM keeps the JVM's own handling, and its 143, which
 * orchestrators expect. The JDK offers signal handling only through {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}), reached reflectively so that the build stays free of warnings; if it is ever gone, the
 * JVM's own handling stays.
 */
final class MavenRunExit {

    static final String PROPERTY = "stockroom.run.maven";

    private MavenRunExit() {}

    static void installIfRunByMaven() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onTerm = Proxy.newProxyInstance(
                    MavenRunExit.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, arguments) -> {
                        if (isObjectMethod(method)) {
                            return method.invoke(MavenRunExit.class, arguments);
                        }
                        // Not on the signal's own thread: exit waits for the shutdown hooks (the graceful shutdown).
                        Thread.ofPlatform().name("sigterm-exit").start(() -> System.exit(0));
                        return null;
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance("TERM"), onTerm);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            // The JVM's own handling stays: the service still shuts down gracefully, with status 143.
        }
    }

    private static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }
}

package dev.stockroom.support;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement the service runs (the data source wrapped by datasource-proxy), for tests that
 * count what a request costs. {@code @Import(StatementLog.class)} gives such a test class a context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementLog {

    private static final ConcurrentLinkedQueue<String> STATEMENTS = new ConcurrentLinkedQueue<>();

    @Bean
    static BeanPostProcessor statementRecordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource
                        && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .listener(new Recorder())
                            .build();
                }
                return bean;
            }
        };
    }

    /** Forgets what was recorded so far. */
    public static void clear() {
        STATEMENTS.clear();
    }

    /** The statements recorded since {@link #clear} that read or write one of the tables (by whole word). */
    public static List<String> touching(String... tables) {
        var pattern = Pattern.compile("\\b(" + String.join("|", tables) + ")\\b");
        return STATEMENTS.stream()
                .filter(sql -> pattern.matcher(sql.toLowerCase(Locale.ROOT)).find())
                .toList();
    }

    private static final class Recorder implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            queries.forEach(query -> STATEMENTS.add(query.getQuery()));
        }
    }
}

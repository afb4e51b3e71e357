package dev.stockroom.shared.startup;

import java.io.IOException;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Writes, with the classes of Spring's ahead-of-time processing, the settings the processing read and their
 * digests ({@link ConditionInputs}) to {@value AheadOfTimeSwitch#RECORD}. Registered in {@code
 * META-INF/spring/aot.factories}; only the application's own context writes it (the management context, a child,
 * reads its settings into the same record). The record is made when the contributions are applied, after every
 * context was processed.
 */
class ConditionInputsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getParentBeanFactory() != null) {
            return null;
        }
        var environment = beanFactory.getBean(ConfigurableEnvironment.class);
        if (!(environment.getPropertySources().get(ConditionInputs.NAME) instanceof ConditionInputs inputs)) {
            return null;
        }
        return (generationContext, code) -> {
            var text = new StringWriter();
            try {
                inputs.record(environment)
                        .store(
                                text,
                                "Settings read by Spring's ahead-of-time processing (shared.startup.ConditionInputs)");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            generationContext.getGeneratedFiles().addResourceFile(AheadOfTimeSwitch.RECORD, text.toString());
        };
    }
}

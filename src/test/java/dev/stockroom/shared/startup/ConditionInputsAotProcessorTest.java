package dev.stockroom.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.javapoet.ClassName;

class ConditionInputsAotProcessorTest {

    private final ConditionInputsAotProcessor processor = new ConditionInputsAotProcessor();

    @Test
    void writesWhatTheApplicationContextReadBesideTheGeneratedClasses() throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ConditionInputs());
        var beanFactory = factoryWith(environment);
        var contribution = processor.processAheadOfTime(beanFactory);
        environment.getProperty("stockroom.events.amqp-url");

        var files = new InMemoryGeneratedFiles();
        assertThat(contribution).isNotNull();
        contribution.applyTo(
                new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("dev.stockroom", "App")), files),
                Mockito.mock(BeanFactoryInitializationCode.class));

        var written = new Properties();
        written.load(new StringReader(
                String.valueOf(files.getGeneratedFileContent(Kind.RESOURCE, AheadOfTimeSwitch.RECORD))));
        assertThat(written)
                .as("read after the contribution was made, as the management context's settings are")
                .containsEntry("stockroom.events.amqp-url", ConditionInputs.UNSET)
                .containsKey(ConditionInputs.PROFILES);
    }

    @Test
    void aChildContextOrOneWithoutTheRecorderWritesNothing() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ConditionInputs());
        var child = factoryWith(environment);
        child.setParentBeanFactory(new DefaultListableBeanFactory());

        assertThat(processor.processAheadOfTime(child)).isNull();
        assertThat(processor.processAheadOfTime(factoryWith(new StandardEnvironment())))
                .isNull();
    }

    private static DefaultListableBeanFactory factoryWith(StandardEnvironment environment) {
        var beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("environment", environment);
        return beanFactory;
    }
}

package dev.arbiter.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the model file named by {@link ConditionalOnModelFile} exists in {@code arbiter.models.dir}; otherwise
 * logs one warning naming the missing file, and the service runs fail-safe without that model.
 */
class ModelFilePresent implements Condition {

    private static final Logger log = LoggerFactory.getLogger(ModelFilePresent.class);

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnModelFile.class.getName());
        String name = (String) attributes.get("value");
        Path file = ModelFiles.modelFile(ModelConfiguration.directory(context.getEnvironment()), name);
        if (Files.isRegularFile(file)) {
            return true;
        }
        log.warn("No {} model: {} not found. Running without it: decisions that need its score fail safe "
                + "(train one with: java -jar arbiter.jar train {} ...; see models/README.md)", name, file.toAbsolutePath(), name);
        return false;
    }
}

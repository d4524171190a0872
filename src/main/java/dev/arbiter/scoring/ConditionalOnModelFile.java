package dev.arbiter.scoring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Registers a bean only when the named model's file exists in {@code arbiter.models.dir}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Conditional(ModelFilePresent.class)
@interface ConditionalOnModelFile {

    /** @return the model's name: {@code intent} looks for {@code intent.tribuo} */
    String value();
}

package dev.stockroom.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A {@code PATCH} whose body is a JSON merge patch (RFC 7396): sent as {@value #MERGE_PATCH_JSON} or as plain
 * JSON, only the members sent change.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(
        method = RequestMethod.PATCH,
        consumes = {MediaType.APPLICATION_JSON_VALUE, MergePatchMapping.MERGE_PATCH_JSON})
public @interface MergePatchMapping {

    String MERGE_PATCH_JSON = "application/merge-patch+json";

    @AliasFor(annotation = RequestMapping.class)
    String[] path() default {};
}

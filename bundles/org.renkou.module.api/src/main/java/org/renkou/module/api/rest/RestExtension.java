package org.renkou.module.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type: this component is a JAX-RS extension (filter, exception mapper, message body reader or
 * writer) of Renkou's application under {@code /api} (service property {@code osgi.jakartars.extension=true}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestExtension {
    String PREFIX_ = "osgi.";

    /** Always true. */
    boolean jakartars_extension() default true;
}

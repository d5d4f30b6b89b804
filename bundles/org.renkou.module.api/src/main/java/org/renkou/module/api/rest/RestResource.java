package org.renkou.module.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type: this component is a JAX-RS resource of Renkou's application under {@code /api}
 * (service property {@code osgi.jakartars.resource=true}). Register it as a service of its own class:
 *
 * <pre>
 * &#64;Component(service = StockResource.class)
 * &#64;RestResource
 * &#64;Path("warehouse")
 * public class StockResource { … }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestResource {
    String PREFIX_ = "osgi.";

    /** Always true. */
    boolean jakartars_resource() default true;
}

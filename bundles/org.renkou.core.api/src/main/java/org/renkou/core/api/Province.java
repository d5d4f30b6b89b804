package org.renkou.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The province (省) a regional extension serves: a component property type that sets the service property
 * {@value #PROPERTY} to the two-digit GB/T 2260 province code, e.g. {@code @Province("44")} for Guangdong. The core
 * keys {@link org.renkou.core.api.province.RegionalPolicy}, {@link org.renkou.core.api.benefit.BenefitScheme} and
 * {@link org.renkou.core.api.certificate.CertificateType} services by it and ignores one whose property disagrees
 * with the code the service reports itself. Services registered by hand put {@link #PROPERTY} themselves.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Province {
    /** Makes the property name {@code renkou.province} (DS derives {@code province} from the type's name). */
    String PREFIX_ = "renkou.";

    /** The service property's name. */
    String PROPERTY = "renkou.province";

    /** The two-digit province code, e.g. {@code 44}. */
    String value();
}

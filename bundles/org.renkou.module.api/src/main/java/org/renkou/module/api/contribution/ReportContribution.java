package org.renkou.module.api.contribution;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type of a component that offers reports (报表) to people, e.g. a module's quarterly statistics.
 * Its service properties are {@code renkou.contribution.*} ({@code kind=report}, {@code id}, {@code name.zh},
 * {@code name.en}); the module switch plan names the reports by them when the module is switched.
 *
 * <pre>
 * &#64;Component(service = ReportService.class, property = Warehouse.CONDITION)
 * &#64;ReportContribution(id = "warehouse-reports", name_zh = "避孕药具库存报表", name_en = "Contraceptive stock report")
 * public class ReportService { … }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ReportContribution {
    String PREFIX_ = "renkou.contribution.";

    /** Always {@code report}. */
    String kind() default "report";

    /** Unique among all contributions, e.g. {@code warehouse-reports}. */
    String id();

    /** The reports' name in Simplified Chinese. */
    String name_zh();

    /** The reports' name in English. */
    String name_en();
}

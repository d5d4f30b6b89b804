package org.renkou.module.api.contribution;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type of a component that runs a scheduled job (定时任务), e.g. a daily backup. Its service
 * properties are {@code renkou.contribution.*} ({@code kind=job}, {@code id}, {@code name.zh}, {@code name.en});
 * the module switch plan names the job by them when the module is switched. Each run goes through the core's
 * {@code org.renkou.core.api.cluster.ClusterJobs#runIfLeader} with the same {@code id}, so that it runs on one node
 * of a cluster only.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JobContribution {
    String PREFIX_ = "renkou.contribution.";

    /** Always {@code job}. */
    String kind() default "job";

    /** Unique among all contributions, e.g. {@code warehouse-backup}. */
    String id();

    /** The job's name in Simplified Chinese. */
    String name_zh();

    /** The job's name in English. */
    String name_en();
}

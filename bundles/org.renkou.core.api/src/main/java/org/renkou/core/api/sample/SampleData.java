package org.renkou.core.api.sample;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The sample data (示例数据) the core loaded into a new database at this start: the hook through which an optional
 * module (warehouse, school, association, a province's own) adds its sample part without the core knowing it.
 *
 * <p>The core registers this service only when it has loaded sample data into an empty database, after its own
 * part is in (the sample residents exist), with the service property {@value #MODE} = {@code living} or
 * {@code jurisdictions}. A database that had data already gets no service, so a restart never loads anything
 * again. A module's component waits for it with a target, e.g.
 * {@code @Reference(target = "(" + SampleData.MODE + "=living)")}, and loads its part when its own tables are
 * empty, through its own services, everything marked 示例: the table check makes it once per database also when
 * the module is switched off and on during that first run. A module that is off during the first start gets no
 * sample.
 */
@ProviderType
public interface SampleData {
    /** Service property: the {@link Mode} loaded, in lower case ({@code living}, {@code jurisdictions}). */
    String MODE = "renkou.sample.mode";

    /** How much sample data (the framework property {@code renkou.sampleData}, {@code RENKOU_SAMPLE_DATA}). */
    enum Mode {
        /** The jurisdiction tree and the living sample of residents, families, applications, migrants. */
        LIVING,
        /** The jurisdiction tree only. */
        JURISDICTIONS,
        /** Nothing (never registered with this mode). */
        NONE;

        /** The value of the service property {@link SampleData#MODE}. */
        public String property() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What was loaded. */
    Mode mode();

    /**
     * The sample communities (codes) where the living sample's residents live, the first being the one a module's
     * sample store, school or association should belong to; empty for {@link Mode#JURISDICTIONS}.
     */
    List<String> communities();
}

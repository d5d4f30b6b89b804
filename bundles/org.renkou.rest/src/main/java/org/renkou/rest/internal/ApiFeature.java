package org.renkou.rest.internal;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.rest.RestExtension;
import org.renkou.rest.api.Json;

/**
 * Extensions every Renkou resource relies on: Jackson JSON, the check of query and path parameters
 * ({@link RequestTextFilter}) and the problem+json error mappers.
 */
@Component(service = Feature.class)
@RestExtension
public class ApiFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new JacksonJsonProvider(Json.MAPPER));
        context.register(new RequestTextFilter());
        context.register(new ProblemMappers.RenkouMapper());
        context.register(new ProblemMappers.JsonMapper());
        context.register(new ProblemMappers.WebMapper());
        context.register(new ProblemMappers.AnyMapper());
        return true;
    }
}

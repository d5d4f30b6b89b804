package org.renkou.rest.core.internal.modules;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.backup.BackupService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/** {@code POST /api/admin/backup}: an online backup (在线备份) of the whole platform now, for a platform administrator. */
@Component(service = BackupResource.class)
@RestResource
@Path("admin/backup")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {
    private final BackupService backups;

    @Activate
    public BackupResource(@Reference BackupService backups) {
        this.backups = backups;
    }

    /** {@code {"folder": "<RENKOU_FILES>/backup/<date>/renkou"}}: the copy of the database. */
    @POST
    public Map<String, String> backup(@Context SecurityContext sc) {
        return Map.of("folder", backups.backup(RestCaller.of(sc)).toString());
    }
}

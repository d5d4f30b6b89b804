package org.renkou.core.api.migrant;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;

/**
 * Migrant resident registration (流动人口登记) with dual jurisdiction. A record is visible to callers covering its
 * residence (现居住地), its responsible office, or its registration place (户籍地); to anyone else it does not exist
 * (NOT_FOUND, audited as DENIED). Stay data, departure and handovers are changed only by callers covering the
 * responsible office (FORBIDDEN for the registration place); notes may be added by every side that sees the record.
 * Writing needs the ADMIN, DIRECTOR or FAMILY_SERVICES role. Every change is audited in its transaction.
 */
@ProviderType
public interface MigrantService {

    /** A page of records matching {@code query}, newest arrival first; ID numbers masked. */
    Page<MigrantDTO> search(Caller caller, MigrantQuery query);

    /** One record with handovers and notes. */
    Optional<MigrantDTO> find(Caller caller, long id);

    /**
     * Registers a migrant at a residence within the caller's reach: creates the resident (status MIGRANT,
     * registration place = {@code registrationCode}) and the record.
     *
     * @throws RenkouException INVALID naming the field, CONFLICT (ID number registered already), FORBIDDEN (role)
     */
    MigrantDTO register(Caller caller, MigrantDTO migrant);

    /** Replaces the stay data (arrival date, certificates); {@code migrant.version} must be the one read. */
    MigrantDTO update(Caller caller, long id, MigrantDTO migrant);

    /** Records the departure (离开): date and destination. */
    MigrantDTO depart(Caller caller, long id, DepartureDTO departure);

    /** Hands the record over (移交) and logs it: from, to, who, when, why. */
    HandoverDTO handOver(Caller caller, long id, HandoverDTO handover);

    /** The handovers of one record, oldest first. */
    List<HandoverDTO> handovers(Caller caller, long id);

    /** Adds a note or a reply to a note; allowed to every side that sees the record. */
    MigrantNoteDTO addNote(Caller caller, long id, MigrantNoteDTO note);
}

package org.renkou.core.api.resident;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * Residents (居民). Every method takes the {@link Caller} and keeps to the caller's jurisdictions: a resident is
 * visible where they live (现居住地) and where they are registered (户籍地) — dual jurisdiction — and editable where
 * they live. Rows outside reach answer as if they did not exist. Every change is audited in the same transaction.
 */
@ProviderType
public interface ResidentService {

    /** A page of residents matching {@code query}, ordered by name then ID; ID numbers masked. */
    Page<ResidentDTO> search(Caller caller, ResidentQuery query);

    /**
     * Every resident matching {@code query} (its offset and limit are ignored) as id, name and residence, in one
     * pass and in id order: for taking a whole group at once (a class roster, a mailing) where a page of full
     * records at a time would cost a sorted, counted query per page. Same filters and reach as {@link #search}, the
     * jurisdiction filter narrowing the caller's reach (people living or registered there within it). At most
     * {@code max + 1} rows, so that a caller can tell "more than {@code max}" without reading them all.
     *
     * @throws org.renkou.core.api.RenkouException INVALID naming {@code max} when it is below 0
     * @since 1.2
     */
    java.util.List<ResidentRef> matches(Caller caller, ResidentQuery query, int max);

    /**
     * How many residents match {@code query} (offset and limit ignored), as {@link #matches} would find them,
     * without reading a row more than the count needs: for figures such as a target group's size.
     *
     * @since 1.2
     */
    long count(Caller caller, ResidentQuery query);

    /** One resident with the full ID number, without sensitive fields. */
    Optional<ResidentDTO> find(Caller caller, long id);

    /** The resident with this ID number, if visible to the caller. */
    Optional<ResidentDTO> findByIdNumber(Caller caller, String idNumber);

    /** Reads one resident including sensitive fields; writes an audit entry saying who read it and why. */
    ResidentDTO readSensitive(Caller caller, long id, String reason);

    /**
     * @throws org.renkou.core.api.RenkouException INVALID (a field, the ID number, a residence outside the caller's reach),
     *         CONFLICT (the ID number is registered already), FORBIDDEN (role)
     */
    ResidentDTO create(Caller caller, ResidentDTO resident);

    /**
     * Replaces the editable fields; {@code resident.version} must be the version read.
     *
     * @throws org.renkou.core.api.RenkouException CONFLICT when someone else changed the record since
     */
    ResidentDTO update(Caller caller, long id, ResidentDTO resident);

    /** Removes a resident who is in no household; audited with the old values. */
    void delete(Caller caller, long id, long version);

    /** Total number of residents (no scoping: for health and statistics of the platform). */
    long count();
}

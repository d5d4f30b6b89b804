package org.renkou.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Certificates (证件): issue, change, revoke, each with a history row and an audit entry in the same transaction.
 * A certificate is visible where one of its holders lives or is registered; every holder of a new or changed
 * certificate must be within the caller's reach, else the request is refused and the refusal audited.
 */
@ProviderType
public interface CertificateService {

    /** Certificate types of the active province bundles, by key. */
    List<CertificateTypeDTO> types();

    Page<CertificateDTO> search(Caller caller, String type, Long holderId, CertificateStatus status, Integer offset,
            Integer limit);

    Optional<CertificateDTO> find(Caller caller, long id);

    /** @throws RenkouException INVALID (unknown type, field), FORBIDDEN (holder out of reach), CONFLICT (number) */
    CertificateDTO issue(Caller caller, CertificateDTO certificate);

    /** Replaces number, holders, issue date and note; {@code reason} and {@code version} required. */
    CertificateDTO change(Caller caller, long id, CertificateDTO certificate);

    /** Revokes with {@code reason} (required), {@code revokedOn} (today if not given) and {@code version}. */
    CertificateDTO revoke(Caller caller, long id, CertificateDTO revocation);

    /** Every event of the certificate, oldest first. */
    List<CertificateHistoryDTO> history(Caller caller, long id);
}

package org.renkou.core.api.certificate;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

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

    /**
     * Issues a certificate. Without a {@code number}, the type's province policy numbers it
     * ({@link org.renkou.core.api.province.RegionalPolicy#certificateNumber}: serial per province, type and year).
     *
     * @throws org.renkou.core.api.RenkouException INVALID (unknown type, field), FORBIDDEN (holder out of reach), CONFLICT (number),
     *         UNAVAILABLE (no number given and the province module is not active)
     */
    CertificateDTO issue(Caller caller, CertificateDTO certificate);

    /** Replaces number, holders, issue date and note; {@code reason} and {@code version} required. */
    CertificateDTO change(Caller caller, long id, CertificateDTO certificate);

    /** Revokes with {@code reason} (required), {@code revokedOn} (today if not given) and {@code version}. */
    CertificateDTO revoke(Caller caller, long id, CertificateDTO revocation);

    /**
     * Prints a certificate (打印/补打): a new verification code; any earlier print's code stops verifying. The first
     * print needs no reason, a reprint does ({@code reason}: lost, damaged …). Audited, and in the history as
     * PRINTED/REPRINTED.
     *
     * @throws org.renkou.core.api.RenkouException CONFLICT for a revoked certificate, INVALID for a reprint without a reason
     */
    CertificatePrintDTO print(Caller caller, long id, String reason);

    /** Verifies a printed certificate by its code (核验): valid, revoked, superseded by a reprint, or unknown. */
    CertificateVerificationDTO verify(String code);

    /** Every event of the certificate, oldest first. */
    List<CertificateHistoryDTO> history(Caller caller, long id);
}

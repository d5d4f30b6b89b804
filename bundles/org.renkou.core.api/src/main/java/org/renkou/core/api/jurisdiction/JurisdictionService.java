package org.renkou.core.api.jurisdiction;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The jurisdiction tree (行政区划树). Every other record in Renkou hangs off a jurisdiction, so this is the first
 * service a province or module bundle meets.
 */
@ProviderType
public interface JurisdictionService {

    /** The direct children of {@code parentCode}, ordered by code; the provinces when it is {@code null}. */
    List<JurisdictionDTO> children(String parentCode);

    Optional<JurisdictionDTO> find(String code);

    /**
     * Adds a jurisdiction under an existing parent.
     *
     * @throws org.renkou.core.api.RenkouException {@code INVALID}: a field is missing or malformed, or the parent is unknown or of the wrong level
     * @throws org.renkou.core.api.RenkouException {@code CONFLICT}: the code is taken, or a sibling already has that name
     */
    JurisdictionDTO create(JurisdictionDTO jurisdiction);

    /** How many jurisdictions exist in total. */
    long count();
}

package org.renkou.core.api.registration;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * Marriage registrations (婚姻登记). A marriage is visible where either spouse lives or is registered; a resident is
 * in at most one current marriage; each spouse must have reached the legal marriage age on the date (22 for men,
 * 20 for women, 《民法典》 art. 1047). Every change is audited; registering and ending a marriage also set the
 * spouses' marital status.
 */
@ProviderType
public interface MarriageService {
    /** Legal marriage age of men. */
    int MIN_AGE_MEN = 22;
    /** Legal marriage age of women. */
    int MIN_AGE_WOMEN = 20;

    /** Marriages within reach, newest first; {@code residentId} keeps those of one spouse. */
    Page<MarriageDTO> search(Caller caller, Long residentId, MarriageStatus status, Integer offset, Integer limit);

    Optional<MarriageDTO> find(Caller caller, long id);

    /**
     * @throws org.renkou.core.api.RenkouException INVALID (field, age, both parties the same sex), CONFLICT (a spouse is married)
     */
    MarriageDTO register(Caller caller, MarriageDTO marriage);

    /** Corrects date, authority and certificate number of a current marriage. */
    MarriageDTO update(Caller caller, long id, MarriageDTO marriage);

    /** Records a divorce or an annulment: {@code end.status}, {@code end.endedOn}, {@code end.version}. */
    MarriageDTO end(Caller caller, long id, MarriageDTO end);
}

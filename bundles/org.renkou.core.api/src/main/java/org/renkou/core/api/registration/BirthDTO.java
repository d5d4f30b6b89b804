package org.renkou.core.api.registration;

import java.time.LocalDate;
import org.renkou.core.api.Sex;

/**
 * A birth registration (生育登记): a service record for the family's entitlements, not an approval. The child is a
 * resident ({@link #childId}) or, before the child has an ID number, a name, sex and birth date.
 */
public class BirthDTO {
    /** Renkou's key; filled on read. */
    public Long id;
    /** Mother (resident id); at least one parent is required. */
    public Long motherId;
    /** Father (resident id). */
    public Long fatherId;
    /** The child once registered as a resident; its name, sex and birth date then come from there. */
    public Long childId;
    public String childName;
    public Sex childSex;
    public LocalDate childBirthDate;
    /** 孩次: computed, 1 + the parents' earlier registered births. Read only. */
    public Integer birthOrder;
    /** 登记日期; today when not given. */
    public LocalDate registeredOn;
    /** Optimistic-lock version: required on update, filled on read. */
    public Long version;
}

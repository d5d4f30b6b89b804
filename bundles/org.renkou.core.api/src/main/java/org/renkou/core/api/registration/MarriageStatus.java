package org.renkou.core.api.registration;

/** State of a {@link MarriageDTO marriage registration}. */
public enum MarriageStatus {
    /** 婚姻存续: the marriage is current. */
    CURRENT,
    /** 离婚: ended by divorce on {@link MarriageDTO#endedOn}. */
    DIVORCED,
    /** 婚姻无效/被撤销: annulled on {@link MarriageDTO#endedOn}. */
    ANNULLED
}

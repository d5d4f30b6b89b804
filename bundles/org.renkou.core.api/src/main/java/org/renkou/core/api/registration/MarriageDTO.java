package org.renkou.core.api.registration;

import java.time.LocalDate;

/**
 * A marriage registration (婚姻登记) between two residents: when, by which authority, under which certificate
 * number, and how it ended. Also the body for ending one ({@link #status}, {@link #endedOn}, {@link #endReason},
 * {@link #version}).
 */
public class MarriageDTO {
    /** Renkou's key; filled on read. */
    public Long id;
    /** One spouse (resident id). */
    public Long partyAId;
    /** The other spouse (resident id). */
    public Long partyBId;
    /** 登记日期. */
    public LocalDate marriageDate;
    /** 登记机关 (e.g. 顺德区民政局婚姻登记处). */
    public String authority;
    /** 结婚证字号. */
    public String certificateNumber;
    public MarriageStatus status;
    /** Date of divorce or annulment. */
    public LocalDate endedOn;
    /** Why it ended (e.g. 协议离婚, 判决离婚). */
    public String endReason;
    /** Optimistic-lock version: required on update and end, filled on read. */
    public Long version;
}

package org.renkou.core.api.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A certificate (证件) held by one or more residents, e.g. both parents on 独生子女父母光荣证. */
public class CertificateDTO {
    /** Renkou's key; filled on read. */
    public Long id;
    /** The {@link CertificateType#key() type key}. */
    public String type;
    /** Names of the type, when its province bundle is active; read only. */
    public String typeNameZh;
    public String typeNameEn;
    /** 证件编号: unique per type. */
    public String number;
    /** Resident ids of the holders; at least one. */
    public List<Long> holderIds = new ArrayList<>();
    public CertificateStatus status;
    /** 发证日期. */
    public LocalDate issuedOn;
    public LocalDate revokedOn;
    public String note;
    /** Why it is changed or revoked: input only, kept in the {@link CertificateHistoryDTO history}. */
    public String reason;
    /** Optimistic-lock version: required on change and revocation, filled on read. */
    public Long version;
}

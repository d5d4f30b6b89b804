package org.renkou.core.api;

/** A registered {@link CertificateType}, as listed to clients. */
public class CertificateTypeDTO {
    public String key;
    public String nameZh;
    public String nameEn;
    /** The {@value CertificateType#PROVINCE_PROPERTY} of the contributing service, if any. */
    public String provinceCode;
}

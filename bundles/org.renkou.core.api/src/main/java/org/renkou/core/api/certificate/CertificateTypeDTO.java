package org.renkou.core.api.certificate;

/** A registered {@link CertificateType}, as listed to clients. */
public class CertificateTypeDTO {
    public String key;
    public String nameZh;
    public String nameEn;
    /** The {@value org.renkou.core.api.Province#PROPERTY} of the contributing service, if any. */
    public String provinceCode;
}

package org.renkou.core.internal.certificate;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** The last serial number given per province, certificate type and year. */
@Entity
@Table(name = "CERTIFICATE_SERIAL")
@IdClass(CertificateSerialEntity.Key.class)
public class CertificateSerialEntity {
    @Id
    @Column(name = "PROVINCE_CODE")
    public String provinceCode;
    @Id
    @Column(name = "TYPE_KEY")
    public String typeKey;
    @Id
    @Column(name = "SERIAL_YEAR")
    public int year;
    @Column(name = "LAST_SEQ")
    public long lastSeq;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String provinceCode;
        public String typeKey;
        public int year;

        public Key() {
        }

        public Key(String provinceCode, String typeKey, int year) {
            this.provinceCode = provinceCode;
            this.typeKey = typeKey;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.provinceCode.equals(provinceCode) && k.typeKey.equals(typeKey)
                    && k.year == year;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(provinceCode, typeKey, year);
        }
    }
}

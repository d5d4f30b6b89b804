package org.renkou.core.internal.certificate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Province;
import org.renkou.core.api.certificate.CertificateType;
import org.renkou.core.api.certificate.CertificateTypeDTO;

/** The certificate types (证件类型) that active province bundles contribute, keyed by {@link CertificateType#key()}. */
@Component(service = CertificateTypes.class)
public class CertificateTypes {
    private final Map<String, CertificateTypeDTO> types = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addType(CertificateType type, Map<String, Object> properties) {
        CertificateTypeDTO d = new CertificateTypeDTO();
        d.key = type.key();
        d.nameZh = type.nameZh();
        d.nameEn = type.nameEn();
        Object province = properties.get(Province.PROPERTY);
        d.provinceCode = province == null ? null : province.toString();
        types.put(d.key, d);
    }

    void removeType(CertificateType type) {
        types.remove(type.key());
    }

    Optional<CertificateTypeDTO> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(types.get(key));
    }

    List<CertificateTypeDTO> all() {
        return types.values().stream().sorted((a, b) -> a.key.compareTo(b.key)).collect(Collectors.toList());
    }
}

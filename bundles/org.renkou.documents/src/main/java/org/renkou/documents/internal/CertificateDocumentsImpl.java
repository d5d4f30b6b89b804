package org.renkou.documents.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.documents.CertificateDocuments;

/**
 * {@link CertificateDocuments} with {@link PrintableForm} (HTML) and {@link PrintablePdf}, in the {@link CjkFont}
 * of the framework properties {@code renkou.cjkFont} and {@code renkou.cjkFontName}.
 */
@Component(service = CertificateDocuments.class)
public class CertificateDocumentsImpl implements CertificateDocuments {
    private final String fontFile;
    private final String fontName;

    @Activate
    public CertificateDocumentsImpl(BundleContext context) {
        this.fontFile = context.getProperty("renkou.cjkFont");
        this.fontName = context.getProperty("renkou.cjkFontName");
    }

    @Override
    public String html(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders) {
        return html(form, certificate, print, holders, null);
    }

    @Override
    public String html(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders, String checkUrl) {
        return PrintableForm.html(form, certificate, print, PrintableForm.values(certificate, print, holders), checkUrl);
    }

    @Override
    public byte[] pdf(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders) {
        return pdf(form, certificate, print, holders, null);
    }

    @Override
    public byte[] pdf(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders, String checkUrl) {
        return PrintablePdf.pdf(form, certificate, print, PrintableForm.values(certificate, print, holders), fontFile,
                fontName, checkUrl);
    }

    @Override
    public void checkPdf() {
        CjkFont.file(fontFile);
    }
}

package org.renkou.documents;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * Renders one print of a certificate (证件打印) on its province's form: as a printable HTML page or as a PDF for the
 * printer with the CJK font embedded. The form's fields get the values Renkou knows (the holders' names, the issue
 * date, number and verification code) and a blank line for the rest, filled in by hand as on the paper form.
 * Reports are rendered by {@link org.renkou.core.api.report.ReportDocuments}, from the same bundle.
 */
@ProviderType
public interface CertificateDocuments {
    String HTML_TYPE = "text/html";
    String PDF_TYPE = "application/pdf";

    /** The printable page; the form's own template when the province gives one. */
    String html(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print, List<ResidentDTO> holders);

    /**
     * The PDF, A5 landscape like the paper booklet.
     *
     * @throws RenkouException UNAVAILABLE (503) when no CJK font is installed, or the PDF cannot be made
     */
    byte[] pdf(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print, List<ResidentDTO> holders);

    /**
     * Checks that a PDF can be made now, before anything is printed (a print gives a new verification code, which
     * must not happen without a paper).
     *
     * @throws RenkouException UNAVAILABLE (503), saying which font to install, when no CJK font is installed
     */
    void checkPdf();

    /**
     * As {@link #html(FormDefinition, CertificateDTO, CertificatePrintDTO, List)}, with a QR code of {@code checkUrl}
     * (the public check page for this print's code, 证件核验) next to the code; {@code null}: none. Since 1.1.
     */
    default String html(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders, String checkUrl) {
        return html(form, certificate, print, holders);
    }

    /** As {@link #pdf(FormDefinition, CertificateDTO, CertificatePrintDTO, List)}, with the QR code of {@code checkUrl}. Since 1.1. */
    default byte[] pdf(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders, String checkUrl) {
        return pdf(form, certificate, print, holders);
    }
}

package org.renkou.association.internal.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;

/**
 * The checks on a meeting's attachment (会议附件): a plain file name without a path, at most {@value #MAX_SIZE}
 * bytes, a type told by the content (not the name) that matches the extension — PDF, PNG, JPEG, Word and Excel
 * (.docx, .xlsx) and UTF-8 text — and no executable content: no program, no script in a PDF, no macro or embedded
 * object in an Office file. Every refusal is INVALID naming {@code fileName} or {@code file}.
 */
public final class MeetingFiles {
    /** 5 MiB: a scanned sign-in sheet or a few photos, not a video. */
    public static final int MAX_SIZE = 5 * 1024 * 1024;
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /**
     * What a PDF may not carry: scripts (a script action names /S /JavaScript), launch actions, embedded files.
     * Long names only, so that compressed streams do not match by chance.
     */
    private static final List<String> PDF_ACTIVE = List.of("/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia");
    /** Entry names of an Office file that carry code or foreign objects (macros, OLE, ActiveX). */
    private static final List<String> OFFICE_ACTIVE = List.of("vbaProject", "embeddings/", "activeX/");

    private MeetingFiles() {
    }

    /** The file name as given, without any path, drive, or control character; INVALID naming {@code fileName}. */
    static String name(String fileName) {
        String name = Input.required(fileName, "fileName", "文件名", "file name", 100);
        if (name.contains("/") || name.contains("\\") || name.contains(":") || name.contains("..")
                || name.startsWith(".") || name.chars().anyMatch(ch -> ch < 32 || ch == 127)) {
            throw RenkouException.invalid("fileName", "文件名不能包含路径。", "The file name must not contain a path.");
        }
        return name;
    }

    /** The body, read up to one byte beyond the limit (a larger one is refused without reading it all). */
    static byte[] read(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readNBytes(MAX_SIZE + 1);
        } catch (IOException e) {
            throw RenkouException.invalid("file", "文件未能完整上传。", "The file did not arrive completely.");
        }
    }

    /** The content type told by the content; INVALID naming {@code file} for anything not allowed. */
    static String type(byte[] c, String name) {
        if (c == null || c.length == 0) {
            throw RenkouException.invalid("file", "文件为空。", "The file is empty.");
        }
        if (c.length > MAX_SIZE) {
            throw RenkouException.invalid("file", "文件不能超过 5 MB。", "The file must not be larger than 5 MB.");
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        boolean zip = starts(c, new byte[] {'P', 'K', 3, 4}) && contains(c, "[Content_Types].xml");
        String type = starts(c, "%PDF-") ? "application/pdf"
                : starts(c, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) ? "image/png"
                : starts(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg"
                : zip && contains(c, "word/") ? DOCX
                : zip && contains(c, "xl/") ? XLSX
                : text(c) ? TEXT
                : null;
        List<String> allowed = type == null ? List.of() : switch (type) {
            case "application/pdf" -> List.of("pdf");
            case "image/png" -> List.of("png");
            case "image/jpeg" -> List.of("jpg", "jpeg");
            case DOCX -> List.of("docx");
            case XLSX -> List.of("xlsx");
            default -> List.of("txt");
        };
        if (!allowed.contains(ext)) {
            throw RenkouException.invalid("file", "只能上传 PDF、图片、Word、Excel 或文本文件，且扩展名须与内容一致。",
                    "Only PDF, image, Word, Excel or text files, with the extension matching the content.");
        }
        List<String> active = type.equals("application/pdf") ? PDF_ACTIVE
                : type.equals(DOCX) || type.equals(XLSX) ? OFFICE_ACTIVE : List.of();
        for (String a : active) {
            if (contains(c, a)) {
                throw RenkouException.invalid("file", "文件含有可执行内容（脚本、宏或嵌入对象）。",
                        "The file carries executable content (a script, a macro or an embedded object).");
            }
        }
        return type;
    }

    /** UTF-8 text without NUL and without a program's or a script's first bytes. */
    private static boolean text(byte[] c) {
        if (starts(c, "MZ") || starts(c, "#!") || starts(c, new byte[] {0x7F, 'E', 'L', 'F'})) {
            return false;
        }
        for (byte b : c) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] c, String prefix) {
        return starts(c, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean starts(byte[] c, byte[] prefix) {
        if (c.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (c[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} occurs in the bytes (a zip's local headers carry entry names in plain bytes). */
    private static boolean contains(byte[] c, String s) {
        byte[] p = s.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= c.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (c[i + j] != p[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

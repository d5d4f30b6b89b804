package org.renkou.school.internal.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.classes.LessonFileEntity;
import org.renkou.school.internal.entities.classes.SessionEntity;

/**
 * The lesson-plan archive (教案存档): PDF, Word and image files of a session, checked by their content (not their
 * name) and size, stored with their SHA-256, kept after the session and downloadable by those who read the plan.
 * No executable content, no path in a file name.
 */
@Component(service = LessonFiles.class, property = School.CONDITION)
public class LessonFiles {
    /** 20 MiB: a scanned lesson plan, not a video. */
    public static final int MAX_SIZE = 20 * 1024 * 1024;

    private final SchoolDatabase db;

    /** A file as listed (no content). */
    public record LessonFile(Long id, Long sessionId, String fileName, String contentType, int size, String sha256,
            String uploadedBy, java.time.LocalDate uploadedOn) {
    }

    /** A file to download. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Activate
    public LessonFiles(@Reference SchoolDatabase db) {
        this.db = db;
    }

    public LessonFile upload(Caller caller, long sessionId, String fileName, byte[] content) {
        String name = Input.required(fileName, "fileName", "文件名", "file name", 200);
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.chars().anyMatch(ch -> ch < 32)) {
            throw RenkouException.invalid("fileName", "文件名不能包含路径。", "The file name must not contain a path.");
        }
        if (content == null || content.length == 0) {
            throw RenkouException.invalid("file", "文件为空。", "The file is empty.");
        }
        if (content.length > MAX_SIZE) {
            throw RenkouException.invalid("file", "文件不能超过 20 MB。", "The file must not be larger than 20 MB.");
        }
        String type = type(content, name);
        LessonFileEntity f = new LessonFileEntity();
        f.fileName = name;
        f.contentType = type;
        f.size = content.length;
        f.sha256 = sha256(content);
        f.content = content;
        f.uploadedBy = caller.username();
        f.uploadedOn = db.today();
        LessonFileEntity out = db.tx(em -> {
            SessionEntity s = Access.session(em, caller, sessionId, "sessionId");
            Access.requireTeacher(em, caller, s.schoolId, "上传教案", "archive lesson plans");
            f.sessionId = s.id;
            em.persist(f);
            em.flush();
            return f;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolLessonFile", o.id.toString(), null,
                o.fileName + " " + o.size + " B sha256 " + o.sha256, null));
        return dto(out);
    }

    public List<LessonFile> list(Caller caller, long sessionId) {
        caller.require("查看教案", "read lesson plans", Access.READERS);
        return db.read(em -> {
            Access.session(em, caller, sessionId, "sessionId");
            return em.createQuery("SELECT f.id, f.fileName, f.contentType, f.size, f.sha256, f.uploadedBy, f.uploadedOn "
                    + "FROM LessonFileEntity f WHERE f.sessionId = :s ORDER BY f.id", Object[].class)
                    .setParameter("s", sessionId).getResultList().stream().map(r -> new LessonFile((Long) r[0], sessionId,
                            (String) r[1], (String) r[2], (Integer) r[3], (String) r[4], (String) r[5],
                            (java.time.LocalDate) r[6])).toList();
        });
    }

    public Download download(Caller caller, long fileId) {
        caller.require("查看教案", "read lesson plans", Access.READERS);
        return db.read(em -> {
            LessonFileEntity f = em.find(LessonFileEntity.class, fileId);
            if (f == null) {
                throw RenkouException.notFound("fileId", "教案 " + fileId + " 不存在或不在您的辖区内。",
                        "Lesson file " + fileId + " does not exist or lies outside your jurisdiction.");
            }
            Access.session(em, caller, f.sessionId, "fileId");
            return new Download(f.fileName, f.contentType, f.content);
        });
    }

    /**
     * The type from the content's first bytes: PDF, Word (.doc, .docx), PNG, JPEG, GIF; anything else — an
     * executable, a script, a name that lies about its content — is refused naming {@code file}.
     */
    static String type(byte[] c, String name) {
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = starts(c, "%PDF-") ? "application/pdf"
                : starts(c, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) ? "image/png"
                : starts(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg"
                : starts(c, "GIF8") ? "image/gif"
                : starts(c, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}) ? "application/msword"
                : starts(c, new byte[] {'P', 'K', 3, 4}) && contains(c, "word/")
                        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : null;
        List<String> allowed = type == null ? List.of() : switch (type) {
            case "application/pdf" -> List.of("pdf");
            case "image/png" -> List.of("png");
            case "image/jpeg" -> List.of("jpg", "jpeg");
            case "image/gif" -> List.of("gif");
            case "application/msword" -> List.of("doc");
            default -> List.of("docx");
        };
        if (!allowed.contains(ext)) {
            throw RenkouException.invalid("file", "只能上传 PDF、Word 或图片文件，且扩展名须与内容一致。",
                    "Only PDF, Word or image files, with the extension matching the content.");
        }
        return type;
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

    /** Whether a zip names an entry under {@code path} (its local headers carry the names in plain bytes). */
    private static boolean contains(byte[] c, String path) {
        byte[] p = path.getBytes(StandardCharsets.US_ASCII);
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

    private static LessonFile dto(LessonFileEntity f) {
        return new LessonFile(f.id, f.sessionId, f.fileName, f.contentType, f.size, f.sha256, f.uploadedBy,
                f.uploadedOn);
    }
}

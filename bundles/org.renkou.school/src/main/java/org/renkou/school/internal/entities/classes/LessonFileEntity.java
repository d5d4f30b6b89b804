package org.renkou.school.internal.entities.classes;

import java.time.LocalDate;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A file of the lesson-plan archive (教案存档), with the SHA-256 of its content. */
@Entity
@Table(name = "SC_LESSON_FILE")
public class LessonFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SESSION_ID")
    public Long sessionId;
    @Column(name = "FILE_NAME")
    public String fileName;
    @Column(name = "CONTENT_TYPE")
    public String contentType;
    @Column(name = "FILE_SIZE")
    public int size;
    @Column(name = "SHA256")
    public String sha256;
    /** Read only for a download, never with the list. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT")
    public byte[] content;
    @Column(name = "UPLOADED_BY")
    public String uploadedBy;
    @Column(name = "UPLOADED_ON")
    public LocalDate uploadedOn;
}

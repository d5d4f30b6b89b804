package org.renkou.association.internal.entities.meetings;

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

/** An attachment of a meeting (会议附件), with the SHA-256 of its content. */
@Entity
@Table(name = "AS_MEETING_FILE")
public class MeetingFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MEETING_ID")
    public Long meetingId;
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

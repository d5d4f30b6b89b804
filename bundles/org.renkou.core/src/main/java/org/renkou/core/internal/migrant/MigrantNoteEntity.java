package org.renkou.core.internal.migrant;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A note on a migrant record (备注/回复) by either side: never changed once written. */
@Entity
@Table(name = "MIGRANT_NOTE")
@NamedQuery(name = MigrantNoteEntity.OF_MIGRANT,
        query = "SELECT n FROM MigrantNoteEntity n WHERE n.migrantId = :m ORDER BY n.id")
public class MigrantNoteEntity {
    public static final String OF_MIGRANT = "MigrantNote.ofMigrant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MIGRANT_ID")
    public Long migrantId;
    @Column(name = "REPLY_TO")
    public Long replyTo;
    public String author;
    @Column(name = "SIDE_CODE")
    public String sideCode;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    public String text;
}

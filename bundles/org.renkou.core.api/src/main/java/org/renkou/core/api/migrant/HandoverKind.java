package org.renkou.core.api.migrant;

/** What a {@link HandoverDTO handover (移交)} passes on. */
public enum HandoverKind {
    /** 迁居: the person moved to another community; residence and responsibility go there. */
    RESIDENCE_MOVE,
    /** 责任移交: another office takes over the stay data; the residence stays the same. */
    RESPONSIBILITY
}

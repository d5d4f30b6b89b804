package org.renkou.core.api.exchange;

/** What an {@link ExchangeMessageDTO exchange message} asks for. Each kind expects a reply by its due date. */
public enum MessageKind {
    /** 查询/协查: asks the other side to look a person up and confirm or correct information. */
    QUERY("查询", "query"),
    /** 通报: informs the other side; the reply is an acknowledgement (回执). */
    NOTIFICATION("通报", "notification"),
    /** 协助请求: asks the other side to help with a service (e.g. contact a family member). */
    ASSISTANCE_REQUEST("协助请求", "assistance request");

    private final String nameZh;
    private final String nameEn;

    MessageKind(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}

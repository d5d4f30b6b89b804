package org.renkou.core.internal.exchange;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.core.api.exchange.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Due dates of exchange messages (信息交换反馈时限): days by urgency, with per-province overrides keyed by the
 * receiver's province (the office that must answer works under its province's rules). Configuration PID
 * {@value #PID}; a change applies to messages sent afterwards.
 */
@Component(service = ExchangeDeadlines.class, configurationPid = ExchangeDeadlines.PID)
@Designate(ocd = ExchangeDeadlines.Config.class)
public class ExchangeDeadlines {
    public static final String PID = "org.renkou.core.exchange";
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeDeadlines.class);
    private static final Pattern OVERRIDE = Pattern.compile("(\\d{2})(?:\\d{4})?:(\\d{1,3})/(\\d{1,3})");

    @ObjectClassDefinition(name = "Renkou information exchange (信息交换)",
            description = "Due dates for replies and the overdue check.")
    public @interface Config {
        @AttributeDefinition(name = "Urgent (紧急) days", min = "1", description = "Days to reply to an urgent message.")
        int urgentDays() default 15;

        @AttributeDefinition(name = "Normal (一般) days", min = "1", description = "Days to reply to a normal message.")
        int normalDays() default 30;

        @AttributeDefinition(name = "Per-province days", description = "Entries 'province:urgent/normal', "
                + "e.g. '44:7/20' (Guangdong: 7 days urgent, 20 normal); commas or separate values; "
                + "the province is the receiver's (its 2-digit code, or the 6-digit one).")
        String[] provinceOverrides() default {};

        @AttributeDefinition(name = "Overdue check interval (s)", min = "1",
                description = "How often the scheduled check escalates unanswered overdue messages.")
        long checkIntervalSeconds() default 3600;
    }

    /** Days for urgent and normal messages. */
    record Days(int urgent, int normal) {
        int of(Urgency u) {
            return u == Urgency.URGENT ? urgent : normal;
        }
    }

    private volatile Days defaults;
    private volatile Map<String, Days> byProvince;

    @Activate
    public ExchangeDeadlines(Config config) {
        this(config.urgentDays(), config.normalDays(), config.provinceOverrides());
    }

    ExchangeDeadlines(int urgentDays, int normalDays, String... provinceOverrides) {
        configure(urgentDays, normalDays, provinceOverrides);
    }

    @Modified
    void modified(Config config) {
        configure(config.urgentDays(), config.normalDays(), config.provinceOverrides());
    }

    private void configure(int urgentDays, int normalDays, String[] overrides) {
        Map<String, Days> provinces = new HashMap<>();
        for (String value : overrides == null ? new String[0] : overrides) {
            for (String entry : value.split("[,;\\s]+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                Matcher m = OVERRIDE.matcher(entry);
                if (m.matches() && Integer.parseInt(m.group(2)) > 0 && Integer.parseInt(m.group(3)) > 0) {
                    provinces.put(m.group(1), new Days(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } else {
                    LOG.warn("{}: ignoring provinceOverrides entry '{}' (expected e.g. 44:7/20)", PID, entry);
                }
            }
        }
        this.defaults = new Days(Math.max(1, urgentDays), Math.max(1, normalDays));
        this.byProvince = Map.copyOf(provinces);
        LOG.info("Exchange due dates: urgent {} days, normal {} days, per province {}", defaults.urgent(),
                defaults.normal(), byProvince);
    }

    /** The reply deadline for a message of {@code urgency} sent on {@code sent} to {@code receiverCode}. */
    public LocalDate dueDate(String receiverCode, Urgency urgency, LocalDate sent) {
        return sent.plusDays(days(receiverCode).of(urgency));
    }

    Days days(String receiverCode) {
        return byProvince.getOrDefault(receiverCode.substring(0, 2), defaults);
    }
}

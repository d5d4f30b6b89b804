package org.renkou.province.kit;

import java.util.List;

import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.FormDefinition.FormField;

/** The forms most provinces share; a province bundle picks the ones it issues and may add its own. */
public final class Forms {
    private static final String ID_NUMBER = "[0-9]{17}[0-9X]";
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private Forms() {
    }

    /** 生育登记凭证: the voucher of a birth registration (a service record, not a permit). */
    public static FormDefinition birthRegistration(String prefix, String nameZh) {
        return new FormDefinition(prefix + "-birth-registration", nameZh, "Birth registration voucher", true, List.of(
                new FormField("motherName", "女方姓名", "mother's name", true, null, 50),
                new FormField("motherIdNumber", "女方公民身份号码", "mother's ID number", true, ID_NUMBER, 18),
                new FormField("fatherName", "男方姓名", "father's name", false, null, 50),
                new FormField("fatherIdNumber", "男方公民身份号码", "father's ID number", false, ID_NUMBER, 18),
                new FormField("childOrder", "孩次", "birth order", true, "[1-9]", 1),
                new FormField("registeredOn", "登记日期", "registered on", true, DATE, 10),
                new FormField("office", "登记机关", "registering office", true, null, 100)), null);
    }

    /** 独生子女父母光荣证. */
    public static FormDefinition oneChildGlory(String prefix) {
        return new FormDefinition(prefix + "-one-child-parents-glory", "独生子女父母光荣证",
                "Honour certificate for parents of an only child", true, List.of(
                        new FormField("fatherName", "父亲姓名", "father's name", true, null, 50),
                        new FormField("motherName", "母亲姓名", "mother's name", true, null, 50),
                        new FormField("childName", "子女姓名", "child's name", true, null, 50),
                        new FormField("childBirthDate", "子女出生日期", "child's birth date", true, DATE, 10),
                        new FormField("issuedOn", "发证日期", "issued on", true, DATE, 10),
                        new FormField("office", "发证机关", "issuing office", true, null, 100)), null);
    }
}

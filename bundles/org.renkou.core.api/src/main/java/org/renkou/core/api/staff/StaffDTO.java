package org.renkou.core.api.staff;

import java.util.LinkedHashSet;
import java.util.Set;
import org.renkou.core.api.Role;

/**
 * A staff member (工作人员) with roles (岗位) and the jurisdictions they work in: their office's and any
 * assignment (联村/包片).
 */
public class StaffDTO {
    /** Login name, unique, letters, digits, {@code . _ -}. */
    public String username;
    /** 姓名. */
    public String name;
    public Set<Role> roles = new LinkedHashSet<>();
    /** At least one; each covers itself and everything below. */
    public Set<String> jurisdictionCodes = new LinkedHashSet<>();
    public Boolean active;
    public Long version;
    /**
     * Write-only: an initial or reset password set by an administrator on create or update (the staff member must
     * change it at the next login). Never returned.
     */
    public String password;
}

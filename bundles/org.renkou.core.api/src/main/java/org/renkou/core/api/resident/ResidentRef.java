package org.renkou.core.api.resident;

/**
 * A resident as a list of people needs them (居民简要信息): id, name and where they live — what a roster or a
 * mailing keeps of a resident found by {@link ResidentService#matches}. No ID number, nothing sensitive.
 *
 * @since 1.2
 */
public record ResidentRef(long id, String name, String residenceCode) {
}

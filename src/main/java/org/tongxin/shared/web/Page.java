package org.tongxin.shared.web;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items  the rows of this page
 * @param page   zero-based page number
 * @param size   rows per page
 * @param total  rows in all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** Clamps a requested page number to a sane, non-negative value. */
    public static int clamp(int requested) {
        return Math.max(0, Math.min(requested, 100_000));
    }
}

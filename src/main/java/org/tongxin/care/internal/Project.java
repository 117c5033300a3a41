package org.tongxin.care.internal;

import java.time.LocalDate;

/** A named restructuring (重组, 合并, 撤并) that moves belong to. */
public record Project(long id, String name, String kind, LocalDate startedOn, String note) {
}

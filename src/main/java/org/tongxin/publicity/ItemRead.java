package org.tongxin.publicity;

import java.time.LocalDate;

/**
 * A published item's first reading by one reader (a read counts once per reader): a snapshot for figures kept
 * elsewhere. {@code reader} identifies the read within the item; {@code readerUnitId} is the union unit of a
 * logged-in reader when they read it, null for a reader without one (an anonymous reader of a public page), and
 * {@code itemUnitId} the unit that published the item. {@code version}: microseconds of the read; a replay carries 0.
 */
public record ItemRead(long itemId, String reader, long itemUnitId, Long readerUnitId, LocalDate readOn,
                       long version) {
}
